/**
 * npm run import -- --from <file> [--from <page2> …] --data <package folder> [--driver <id>,…]
 *   [--bands skr|nacka|80-89,90+] [--region <code or name>] [--contents <code>] [--sheet <name>]
 *   [--kind actual|forecast] [--set <id> [--set-name <name>]] [--dry-run] [--lang sv|en]
 *
 * Imports population figures from SCB (JSON-stat 2.0, PX, PxWeb CSV), Kolada (JSON) or a
 * municipality's forecast (XLSX) into a package's drivers.csv — or, with --set, a forecast into
 * the named driver set driver-sets/<id>.csv — and their provenance into its SOURCES.md. Nothing
 * is written if any problem is an error, or if the package would not validate.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { AGE_BAND_PRESETS, type AgeBand } from "../model/age-bands.ts";
import { ID_PATTERN } from "../model/schema-parts.ts";
import { parseAge } from "../io/import/categories.ts";
import type { ImportProblem } from "../io/import/import-types.ts";
import { FORMATS, type Format, planImport, readTable } from "../io/import/import-table.ts";
import { readPackageFolder } from "../io/read-package-folder.ts";

type Language = "sv" | "en";

const HELP = {
  sv: `Importera befolkningsuppgifter till ett datapaket.

  npm run import -- --from <fil> --data <paketmapp> [val]

  --from <fil>        JSON-stat 2.0 (.json), PX (.px), PxWeb-CSV (.csv), Kolada (.json) eller
                      en prognos i Excel (.xlsx); flera --from för Koladas sidor
  --data <mapp>       datapaketet (standard data/nacka)
  --driver <id,…>     drivrarna som ska skrivas (standard: paketets åldersgrupper, eller
                      residents för en tabell utan åldrar)
  --bands <grupper>   nya åldersgrupper: skr, nacka eller t.ex. 80-89,90+
  --region <kod|namn> regionen (standard: den enda, annars paketets kommun)
  --contents <kod>    tabellinnehållet eller Koladas nyckeltal (standard: det enda)
  --sheet <namn>      bladet i en Excel-fil
  --kind actual|forecast  utfall eller prognos (standard: prognos för framskrivningar)
  --set <id>          skriv prognosen som drivaruppsättningen <id> (driver-sets/<id>.csv),
                      t.ex. SCB:s framskrivning bredvid kommunens egen
  --set-name <namn>   namnet på en ny uppsättning (standard: tabellens titel)
  --format <format>   ${FORMATS.join(", ")} (standard: efter filnamnet)
  --dry-run           visa vad som skulle ändras, skriv inget
  --lang en           engelska
`,
  en: `Import population figures into a data package.

  npm run import -- --from <file> --data <package folder> [options]

  --from <file>       JSON-stat 2.0 (.json), PX (.px), PxWeb CSV (.csv), Kolada (.json) or a
                      forecast in Excel (.xlsx); several --from for Kolada's pages
  --data <folder>     the data package (default data/nacka)
  --driver <id,…>     the drivers to write (default: the package's age bands, or residents for
                      a table without ages)
  --bands <bands>     new age bands: skr, nacka or e.g. 80-89,90+
  --region <code|name> the region (default: the only one, else the package's municipality)
  --contents <code>   the table's contents or Kolada's KPI (default: the only one)
  --sheet <name>      the sheet of an Excel file
  --kind actual|forecast  actuals or forecast (default: forecast for projections)
  --set <id>          write the forecast as the driver set <id> (driver-sets/<id>.csv), e.g.
                      SCB's projection beside the municipality's own
  --set-name <name>   the name of a new set (default: the table's title)
  --format <format>   ${FORMATS.join(", ")} (default: by the file name)
  --dry-run           show what would change, write nothing
  --lang en           English
`,
};

function formatProblem(p: ImportProblem, lang: Language): string {
  const where = [p.file];
  if (p.line !== undefined) where.push(`${lang === "sv" ? "rad" : "line"} ${p.line}`);
  if (p.cell !== undefined) where.push(`${lang === "sv" ? "cell" : "cell"} ${p.cell}`);
  const field = p.field === undefined ? "" : `, ${lang === "sv" ? "fält" : "field"} "${p.field}"`;
  const tag = p.severity === "error" ? (lang === "sv" ? "fel" : "error") : lang === "sv" ? "not" : "note";
  return `  ${tag}: ${where.join(" ")}${field}: ${p.message[lang]}`;
}

function parseBands(text: string): AgeBand[] | string {
  const preset = AGE_BAND_PRESETS[text.trim().toLowerCase()];
  if (preset !== undefined) return [...preset];
  const bands: AgeBand[] = [];
  for (const part of text.split(",")) {
    const band = parseAge(part);
    if (band === undefined || band === "total") return part;
    bands.push(band);
  }
  return bands;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: "string", multiple: true },
      data: { type: "string", default: "data/nacka" },
      driver: { type: "string", multiple: true },
      bands: { type: "string" },
      region: { type: "string" },
      contents: { type: "string" },
      sheet: { type: "string" },
      kind: { type: "string" },
      set: { type: "string" },
      "set-name": { type: "string" },
      format: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      lang: { type: "string", default: "sv" },
      help: { type: "boolean", default: false },
    },
  });
  const lang: Language = values.lang === "en" ? "en" : "sv";
  const t = (sv: string, en: string) => (lang === "sv" ? sv : en);
  if (values.help) {
    process.stdout.write(HELP[lang]);
    return 0;
  }
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    return 1;
  };
  if (values.from === undefined || values.from.length === 0) return fail(t("Ange en fil med --from (se --help).", "Give a file with --from (see --help)."));
  if (values.kind !== undefined && values.kind !== "actual" && values.kind !== "forecast") {
    return fail(t(`ogiltig --kind: "${values.kind}"; giltiga är actual, forecast`, `invalid --kind: "${values.kind}"; valid kinds are actual, forecast`));
  }
  if (values.set !== undefined && !ID_PATTERN.test(values.set)) {
    return fail(t(`ogiltig --set: "${values.set}"; en uppsättning heter med små bokstäver, siffror och _`, `invalid --set: "${values.set}"; a set's id is lower-case letters, digits and _`));
  }
  if (values.set !== undefined && values.kind === "actual") return fail(t("--set skriver en prognos: utelämna --kind actual", "--set writes a forecast: leave out --kind actual"));
  const format = values.format === undefined ? undefined : FORMATS.find((f) => f === values.format);
  if (values.format !== undefined && format === undefined) {
    return fail(t(`ogiltigt --format: "${values.format}"; giltiga är ${FORMATS.join(", ")}`, `invalid --format: "${values.format}"; valid formats are ${FORMATS.join(", ")}`));
  }
  const bands = values.bands === undefined ? [] : parseBands(values.bands);
  if (typeof bands === "string") return fail(t(`ogiltig åldersgrupp i --bands: "${bands}" (t.ex. skr, nacka eller 80-89,90+)`, `invalid age band in --bands: "${bands}" (e.g. skr, nacka or 80-89,90+)`));

  let packageFiles: Record<string, string>;
  try {
    packageFiles = (await readPackageFolder(values.data)).files;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const sources = await readFile(join(values.data, "SOURCES.md"), "utf8").catch(() => undefined);
  if (sources !== undefined) packageFiles["SOURCES.md"] = sources;
  const municipality = (() => {
    try {
      return (JSON.parse(packageFiles["municipality.json"] ?? "{}") as { name?: string }).name;
    } catch {
      return undefined;
    }
  })();

  const tables = [];
  for (const path of values.from) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      return fail(t(`Filen ${path} går inte att läsa.`, `The file ${path} cannot be read.`));
    }
    const options = {
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(municipality === undefined ? {} : { municipality }),
      ...(values.contents === undefined ? {} : { contents: values.contents }),
      ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
    };
    tables.push(await readTable(basename(path), bytes, options, format as Format | undefined));
  }
  const plan = planImport(packageFiles, tables, {
    ...(values.driver === undefined ? {} : { drivers: values.driver.flatMap((d) => d.split(",")).map((d) => d.trim()).filter((d) => d !== "") }),
    bands,
    ...(values.kind === undefined ? {} : { kind: values.kind as "actual" | "forecast" }),
    ...(values.set === undefined
      ? {}
      : { set: { id: values.set, ...(values["set-name"] === undefined ? {} : { name: { sv: values["set-name"], en: values["set-name"] } }) } }),
  });
  const target = values.set === undefined ? "drivers.csv" : `driver-sets/${values.set}.csv`;
  const errors = plan.problems.filter((p) => p.severity === "error");
  const notes = plan.problems.filter((p) => p.severity === "note");
  if (errors.length > 0) {
    process.stderr.write(t(`Importen stoppades, inget skrevs (${errors.length} fel):\n`, `The import stopped, nothing was written (${errors.length} errors):\n`));
    for (const p of [...errors, ...notes]) process.stderr.write(`${formatProblem(p, lang)}\n`);
    return 1;
  }
  for (const p of notes) process.stdout.write(`${formatProblem(p, lang)}\n`);

  const number = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 6 });
  const show = (row: { value: string; kind: string } | undefined) => (row === undefined ? "—" : `${number.format(Number(row.value.replace(",", ".")))} (${row.kind})`);
  if (values["dry-run"]) {
    const header = [t("driver", "driver"), t("år", "year"), t("före", "before"), t("efter", "after")];
    const rows = plan.changes.map((c) => [c.driver, String(c.year), show(c.before), show(c.after)]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ");
    process.stdout.write(`${line(header)}\n${rows.map(line).join("\n")}${rows.length > 0 ? "\n" : ""}`);
    process.stdout.write(t(`Provkörning: ${plan.changes.length} rader i ${target} skulle ändras (${plan.kind}); inget skrevs.\n`, `Dry run: ${plan.changes.length} rows of ${target} would change (${plan.kind}); nothing was written.\n`));
    return 0;
  }
  for (const [name, text] of Object.entries(plan.files)) {
    await mkdir(dirname(join(values.data, name)), { recursive: true });
    await writeFile(join(values.data, name), text, "utf8");
  }
  process.stdout.write(
    t(
      `${plan.changes.length} rader i ${target} ändrades (${plan.kind}); källan står i SOURCES.md. Paketet går igenom --validate.\n`,
      `${plan.changes.length} rows of ${target} changed (${plan.kind}); the source is in SOURCES.md. The package passes --validate.\n`,
    ),
  );
  return 0;
}

// The exit code, not process.exit(): writes still queued for a pipe are delivered first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
