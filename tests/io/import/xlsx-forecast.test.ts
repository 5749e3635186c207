/**
 * The XLSX forecast reader (io/import/xlsx-forecast.ts) on workbooks built here with exceljs, in
 * the shape of a municipal forecast: one-year ages down, years across, blocks for women and men.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxForecast } from "../../../io/import/xlsx-forecast.ts";
import { bandValues, errorsOf } from "./helpers.ts";

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Women aged a in year y: 100 + a; men: 200 + a (ages 0–99 and "100+"; 100+ is 5 of each). */
const forecastBook = (workbook: ExcelJS.Workbook) => {
  const fiveYear = workbook.addWorksheet("5-årsklasser");
  fiveYear.addRow(["Ålder", 2025, 2026]);
  fiveYear.addRow(["0-4 år", 1, 1]);
  const sheet = workbook.addWorksheet("Prognos 1-årsklasser");
  sheet.addRow(["Befolkningsprognos 2025–2034, Exempelkommun"]);
  sheet.addRow([]);
  sheet.addRow(["Ålder", ...Array.from({ length: 10 }, (_, i) => 2025 + i)]);
  for (const [label, base] of [
    ["Kvinnor", 100],
    ["Män", 200],
  ] as const) {
    sheet.addRow([label]);
    for (let age = 0; age <= 100; age += 1) sheet.addRow([age === 100 ? "100+" : age, ...Array.from({ length: 10 }, () => (age === 100 ? 5 : base + age))]);
  }
};

describe("readXlsxForecast", () => {
  it("reads one-year ages by sex block from the sheet that has them, as a forecast", async () => {
    const result = await readXlsxForecast("prognos.xlsx", await workbookBytes(forecastBook), {});
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.provenance).toMatchObject({ projection: true, title: "Befolkningsprognos 2025–2034, Exempelkommun", tableId: "prognos / Prognos 1-årsklasser" });
    // 0–5: Σ_{a=0..5} (100 + a) + (200 + a) = 6 × 300 + 2 × 15 = 1,830.
    expect(bandValues(result, { from: 0, to: 5 }).get(2030)).toBe(1830);
    // 90+: Σ_{a=90..99} (300 + 2a) + 10 = 3,000 + 2 × 945 + 10 = 4,900.
    expect(bandValues(result, { from: 90, to: null }).get(2034)).toBe(4900);
  });

  it("names the sheet and cell of a value that is not a number, and keeps '..' missing", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Blad1");
      sheet.addRow(["Ålder", "Kön", 2025, 2026]);
      sheet.addRow([0, "Kvinnor", 10, ".."]);
      sheet.addRow([0, "Män", 11, "tolv"]);
    });
    const result = await readXlsxForecast("fel.xlsx", bytes, { sheet: "Blad1" });
    expect(errorsOf(result.problems)).toMatchObject([{ cell: "Blad1!D3", message: { en: '"tolv" is not a number' } }]);
    expect(result.observations.find((o) => o.sex === "women" && o.year === 2026)).toMatchObject({ value: null, status: "..", where: { cell: "Blad1!D2" } });
  });

  it("reads a long sheet (year, age, sex, value)", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Data");
      sheet.addRow(["År", "Ålder", "Kön", "Antal"]);
      sheet.addRow([2025, "80 år", "kvinnor", 7]);
      sheet.addRow([2025, "80 år", "män", 5]);
    });
    const result = await readXlsxForecast("lång.xlsx", bytes, { sheet: "Data" });
    expect(bandValues(result, { from: 80, to: 80 }).get(2025)).toBe(12);
  });
});
