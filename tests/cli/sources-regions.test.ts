/**
 * The generated regions of SOURCES.md: hand-computed on a tiny package, and every package's
 * SOURCES.md up to date with the model (the test that fails when a change to the data or the model
 * is not followed by `npm run sources`).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillRegions } from "../../cli/sources-regions.ts";
import type { Activity } from "../../model/data-package.ts";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { lever, process, tinyPackage } from "../model/fixtures.ts";

const region = (name: string) => `<!-- generated:${name} -->\nstale text\n<!-- /generated -->`;
const body = (filled: string) => filled.split("\n").slice(1, -1).join("\n");

function bottomUp(id: string, volume: number, unitTimeHours: number): Activity {
  return { id, name: { sv: id, en: id }, workload: { kind: "bottom-up", volume, unitTimeHours }, drivers: { residents: 1 } };
}

describe("fillRegions on a tiny package", () => {
  it("writes the WISN available hours: (250 − 10 − 25 − 10 − 5) × 8 = 1,600", () => {
    expect(body(fillRegions(region("available-hours"), tinyPackage()))).toBe("(250 − 10 − 25 − 10 − 5) × 8 h = **1,600 h** per FTE and year");
  });

  it("writes the headcount with its change: 8 → 10 FTE is +25.0 % and all of the change", () => {
    const rows = body(fillRegions(region("headcount"), tinyPackage())).split("\n");
    expect(rows[0]).toBe("| process | 2019 | 2020 | change 2019–2020 | share of the change |");
    expect(rows[2]).toBe("| `cases` | 8.0 | 10.0 | +25.0 % | 100 % |");
    expect(rows[3]).toBe("| **total** | **8.0** | **10.0** | **+25.0 %** |  |");
  });

  it("writes the WISN check with and without fixed work as the model computes it", () => {
    // 100 cases × 16 h = 1,600 h = 1 FTE at 1,600 h/FTE; CAF = 1 / (1 − 0.2) = 1.25 → 1.25 FTE;
    // + 0.5 FTE individual allowance = 1.75 (wisnRequiredFte). Fixed work 0.1 × 10 = 1.0, so
    // WISN + fixed = 2.75 and 2.75 / 10 = 0.28 (rounded). Calibration: (10 − 1 − 0.5) / 1.25 = 6.8.
    const pkg = tinyPackage({
      processes: [process("cases", [bottomUp("handling", 100, 16)], { fixedShare: 0.1, supportShare: 0.2, individualAllowanceFte: 0.5 })],
    });
    const rows = body(fillRegions(region("wisn"), pkg)).split("\n");
    expect(rows[2]).toBe("| `cases` | 10.0 | 1.250 | 1.8 | 1.0 | 2.8 | 0.28 | 6.800 |");
  });

  it("writes the drivers at the base year and the horizon with their change: 1,000 → 1,331 is +33.1 %", () => {
    const rows = body(fillRegions(region("drivers"), tinyPackage())).split("\n");
    expect(rows[0]).toBe("| driver | 2020 | 2023 | change 2020–2023 |");
    expect(rows[2]).toBe("| `residents` | 1,000 | 1,331 | +33.1 % |");
  });

  it("writes a lever's values at the medians of its distributions, and each median", () => {
    // triangular(0, 1, 1): mode ≥ the middle, so the median is a + √((b − a)(c − a)/2) = √0.5 = 0.707
    const robot = lever({
      id: "robot",
      targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
      efficiency: Math.SQRT1_2,
      distributions: { efficiency: { type: "triangular", min: 0, mode: 1, max: 1 } },
    });
    const rows = body(fillRegions(region("levers"), tinyPackage({ levers: [robot] }))).split("\n");
    expect(rows).toContain("| efficiency | 0.707 |");
    expect(rows).toContain("| uncertainty of efficiency | triangular 0 – 1 – 1 (min – most likely – max); median 0.707 |");
  });

  it("leaves the text outside the markers as it is and names an unknown region", () => {
    const text = `before\n${region("available-hours")}\nafter\n`;
    const filled = fillRegions(text, tinyPackage());
    expect(filled.startsWith("before\n<!-- generated:available-hours -->\n(250")).toBe(true);
    expect(filled.endsWith("<!-- /generated -->\nafter\n")).toBe(true);
    expect(() => fillRegions(region("no-such-table"), tinyPackage())).toThrow(/unknown generated region "no-such-table"/);
  });
});

describe("every data/*/SOURCES.md", () => {
  it("is up to date with the model: run npm run sources after changing the data or the model", async () => {
    const folders = (await readdir("data", { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join("data", d.name));
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const text = await readFile(join(folder, "SOURCES.md"), "utf8");
      expect(text).toContain("<!-- generated:");
      expect(fillRegions(text, await loadPackageFolder(folder)), `${folder}/SOURCES.md`).toBe(text);
    }
  });
});
