/**
 * npm run forecast -- [--data <folder>] [--scenario <id>] [--format table|csv|json|xlsx|arrow]
 *                     [--lang sv|en] [--table processes|totals] [--out <file>]
 * npm run forecast -- --data <folder> --validate
 *
 * Prints (or writes to `--out`) a scenario's forecast, or checks a data package and lists every
 * problem in it. `table` is for people (Swedish by default); `csv` is Swedish CSV with `--lang sv`
 * (semicolon, decimal comma, Swedish names) and English CSV with `--lang en` (comma, decimal point);
 * `xlsx` and `arrow` are files and need `--out`. A package whose figures are illustrative says so
 * in every format (JSON field `illustrative`, a line under the table's title, a CSV column, the
 * workbook, the Arrow schema's metadata).
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Lang } from "../contract/locale.ts";
import { encodeArrow, forecastArrowTable } from "../io/arrow.ts";
import { packageHash } from "../io/content-hash.ts";
import { csvDialect, forecastCsv } from "../io/csv.ts";
import { readPackageFolder } from "../io/read-package-folder.ts";
import { forecastXlsx } from "../io/xlsx.ts";
import { forecast, formatPackageError } from "../model/index.ts";
import { parseDataPackage } from "../model/parse-package.ts";
import { normalizeAssumptions } from "../model/scenario.ts";
import { choice, DEFAULT_PACKAGE, DEFAULT_SCENARIO, fail, findScenario, planFor, runCommand } from "./common.ts";
import { forecastText } from "./forecast-text.ts";

/** The output formats, and whether each is a binary file that needs `--out`. */
const FORMATS = { table: false, csv: false, json: false, xlsx: true, arrow: true } as const;
const LANGS = ["sv", "en"] as const satisfies readonly Lang[];
const TABLES = ["processes", "totals"] as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function readPackage(folder: string): Promise<{ files: Record<string, string>; parsed: ReturnType<typeof parseDataPackage> }> {
  try {
    const files = await readPackageFolder(folder);
    return { files, parsed: parseDataPackage(files) };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function validate(folder: string): Promise<void> {
  const { parsed } = await readPackage(folder);
  if (!parsed.ok) {
    process.stderr.write(`${folder}: ${count(parsed.errors.length, "problem", "problems")}\n`);
    for (const e of parsed.errors) process.stderr.write(`  ${formatPackageError(e)}\n`);
    process.exit(1);
  }
  const pkg = parsed.package;
  process.stdout.write(
    `${folder}: OK — ${pkg.municipality.name}, base year ${pkg.baseYear}, horizon ${pkg.municipality.horizon}, ` +
      `${count(pkg.processes.length, "process", "processes")}, ${count(Object.keys(pkg.drivers).length, "driver", "drivers")}, ` +
      `${count(pkg.levers.length, "lever", "levers")}, ` +
      `scenarios ${Object.keys(pkg.scenarios).join(", ")}\n`,
  );
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      scenario: { type: "string", default: DEFAULT_SCENARIO },
      format: { type: "string", default: "table" },
      lang: { type: "string", default: "sv" },
      table: { type: "string", default: "processes" },
      out: { type: "string" },
      validate: { type: "boolean", default: false },
    },
  });
  if (values.validate) return validate(values.data);
  const format = choice("format", values.format, FORMATS);
  const lang = choice("lang", values.lang, LANGS);
  const table = choice("table", values.table, TABLES);
  if (FORMATS[format] && values.out === undefined) fail(`--format ${format} writes a file: give its name with --out <file>`);

  const { files, parsed } = await readPackage(values.data);
  if (!parsed.ok) fail(`The data package ${values.data} has problems:`, parsed.errors);
  const pkg = parsed.package;
  const scenario = findScenario(pkg, values.scenario);
  const result = forecast(planFor(pkg, scenario));
  const processNames = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[lang]]));

  let output: string | Uint8Array;
  switch (format) {
    case "json":
      output = `${JSON.stringify(result, null, 2)}\n`;
      break;
    case "csv": {
      const dialect = csvDialect(lang);
      output = forecastCsv(result, { ...dialect, table, processNames, lang, bom: dialect.decimal === "," });
      break;
    }
    case "xlsx":
      output = await forecastXlsx(result, { scenarioId: scenario.id, assumptions: normalizeAssumptions(scenario), packageHash: packageHash(files), version: null }, pkg, lang);
      break;
    case "arrow":
      output = encodeArrow(forecastArrowTable(result, table, { packageHash: packageHash(files) }));
      break;
    case "table":
      output = forecastText(pkg, result, lang);
      break;
  }
  if (values.out === undefined) process.stdout.write(output);
  else {
    await writeFile(values.out, output);
    process.stderr.write(`Wrote ${values.out}.\n`);
  }
});
