/**
 * npm run forecast -- [--data <folder>] [--scenario <id>] [--driver-set <id>] [--format table|csv|json|xlsx|arrow]
 *                     [--lang sv|en] [--table processes|totals] [--out <file>]
 * npm run forecast -- --data <folder> --validate
 *
 * Prints (or writes to `--out`) a scenario's forecast, or checks a data package and lists every
 * problem in it. `table` is for people (Swedish by default); `csv` is Swedish CSV with `--lang sv`
 * (semicolon, decimal comma, Swedish names) and English CSV with `--lang en` (comma, decimal point);
 * `xlsx` and `arrow` are files and need `--out`. A package whose figures are illustrative says so
 * in every format (JSON field `illustrative`, a line under the table's title, a CSV column, the
 * workbook, the Arrow schema's metadata). `--driver-set` runs the scenario on one of the package's
 * named driver sets (driver-sets.json) instead of the forecast it names.
 */
import { writeFile } from "node:fs/promises";
import { choice, command, DATA_FLAG, DEFAULT_SCENARIO, fail, runIfMain } from "./common.ts";

/** The output formats, and whether each is a binary file that needs `--out`. */
const FORMATS = { table: false, csv: false, json: false, xlsx: true, arrow: true } as const;
const TABLES = ["processes", "totals"] as const;

export const forecastCommand = command({
  flags: {
    ...DATA_FLAG,
    scenario: { type: "string", default: DEFAULT_SCENARIO, value: "<id>" },
    "driver-set": { type: "string", value: "<id>" },
    format: { type: "string", default: "table", value: Object.keys(FORMATS).join("|") },
    table: { type: "string", default: "processes", value: TABLES.join("|") },
    out: { type: "string", value: "<file>" },
    validate: { type: "boolean", default: false },
  },
  help: (t) => t.forecast.help,
  async run(values, { lang, t, io }) {
    const { checkPackage, loadPackage, findDriverSet, findScenario, planFor } = await import("./load.ts");
    if (values.validate) {
      // The graded report: with errors, every finding on stderr and exit 1; else OK, then the warnings and notes.
      const { findingCounts, findingLines } = await import("./report.ts");
      const folder = values.data;
      const { parsed } = await checkPackage(folder);
      const lines = findingLines(t, parsed.report);
      if (!parsed.ok) fail(`${folder}: ${findingCounts(t, parsed.report)}`, lines);
      const pkg = parsed.package;
      const findings = lines.length === 0 ? "" : `${findingCounts(t, parsed.report)}:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
      io.out(
        `${t.forecast.validOk(folder, pkg.municipality.name, pkg.baseYear, pkg.municipality.horizon, pkg.processes.length, Object.keys(pkg.drivers).length, pkg.levers.length, Object.keys(pkg.scenarios).join(", "))}${t.forecast.validPopulation(pkg.population?.baseYear ?? null, Object.keys(pkg.driverSets ?? {}).join(", "))}\n${findings}`,
      );
      return;
    }
    const format = choice(t, "format", values.format, FORMATS);
    const table = choice(t, "table", values.table, TABLES);
    if (FORMATS[format] && values.out === undefined) fail(t.forecast.needsOut(format));

    const { pkg, files } = await loadPackage(t, values.data, io);
    const named = findScenario(t, pkg, values.scenario);
    const scenario = values["driver-set"] === undefined ? named : { ...named, driverSet: findDriverSet(t, pkg, values["driver-set"]) };
    const { forecast } = await import("../model/forecast.ts");
    const result = forecast(planFor(t, pkg, scenario));
    const processNames = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[lang]]));

    let output: string | Uint8Array;
    switch (format) {
      case "json":
        output = `${JSON.stringify(result, null, 2)}\n`;
        break;
      case "csv": {
        const { csvDialect, forecastCsv } = await import("../io/csv.ts");
        const dialect = csvDialect(lang);
        output = forecastCsv(result, { ...dialect, table, processNames, lang, bom: dialect.decimal === "," });
        break;
      }
      case "xlsx": {
        const { forecastXlsx } = await import("../io/xlsx.ts");
        const { packageHash } = await import("../io/content-hash.ts");
        const { normalizeAssumptions } = await import("../model/assumptions.ts");
        output = await forecastXlsx(result, { scenarioId: scenario.id, assumptions: normalizeAssumptions(scenario), packageHash: packageHash(files), version: null }, pkg, lang);
        break;
      }
      case "arrow": {
        const { encodeArrow, forecastArrowTable } = await import("../io/arrow.ts");
        const { packageHash } = await import("../io/content-hash.ts");
        output = encodeArrow(forecastArrowTable(result, table, { packageHash: packageHash(files) }));
        break;
      }
      case "table": {
        const { forecastText } = await import("./forecast-text.ts");
        output = forecastText(pkg, result, lang, scenario.driverSet);
        break;
      }
    }
    if (values.out === undefined) io.out(output as string); // xlsx and arrow need --out
    else {
      await writeFile(values.out, output);
      io.err(`${t.common.wrote(values.out)}\n`);
    }
  },
});

runIfMain(import.meta.url, forecastCommand);
