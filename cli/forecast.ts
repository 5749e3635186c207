/**
 * npm run forecast -- [--data <folder>] [--scenario <id>] [--format table|csv|json] [--lang sv|en]
 * npm run forecast -- --data <folder> --validate
 *
 * Prints a scenario's forecast, or checks a data package and lists every problem in it. A package
 * whose figures are illustrative says so in every format (JSON field `illustrative`, a line under
 * the table's title, a CSV column).
 */
import { parseArgs } from "node:util";
import { forecast, formatPackageError } from "../model/index.ts";
import { parseDataPackage } from "../model/parse-package.ts";
import { readPackageFolder } from "../io/read-package-folder.ts";
import { choice, DEFAULT_PACKAGE, DEFAULT_SCENARIO, findScenario, loadPackage, planFor, runCommand } from "./common.ts";
import { forecastCsv, forecastTable, type Language } from "./forecast-format.ts";

const FORMATS = ["table", "csv", "json"] as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function validate(folder: string): Promise<void> {
  const parsed = parseDataPackage(await readPackageFolder(folder));
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
      validate: { type: "boolean", default: false },
    },
  });
  if (values.validate) return validate(values.data);
  const format = choice("format", values.format, FORMATS);
  const lang: Language = values.lang === "en" ? "en" : "sv";
  const pkg = await loadPackage(values.data);
  const result = forecast(planFor(pkg, findScenario(pkg, values.scenario)));
  const output =
    format === "json" ? `${JSON.stringify(result, null, 2)}\n` : format === "csv" ? forecastCsv(result, lang) : forecastTable(pkg, result, lang);
  process.stdout.write(output);
});
