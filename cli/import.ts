/**
 * npm run import -- --from <file> [--from <page2> …] --data <package folder> [--driver <id>,…]
 *   [--bands skr|nacka|80-89,90+] [--region <code or name>] [--contents <code>] [--sheet <name>]
 *   [--kind actual|forecast] [--set <id> [--set-name <name>]] [--format <format>] [--dry-run] [--lang sv|en]
 *
 * Imports population figures from SCB (JSON-stat 2.0, PX, PxWeb CSV), Kolada (JSON) or a
 * municipality's forecast (XLSX) into a package's drivers.csv — or, with --set, a forecast into
 * the named driver set driver-sets/<id>.csv — and their provenance into its SOURCES.md. Nothing
 * is written if any problem is an error, or if the package would not validate.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { formats } from "../contract/locale.ts";
import { FORMATS, type ImportProblem } from "../io/import/import-types.ts";
import type { AgeBand } from "../model/age-bands.ts";
import { choice, command, DATA_FLAG, fail, runIfMain } from "./common.ts";
import type { Messages } from "./messages.ts";

const KINDS = ["actual", "forecast"] as const;

/** A problem as one line: its severity, its place (file, line or cell, field) and its message in the language. */
export function problemLine(t: Messages, lang: "sv" | "en", p: ImportProblem): string {
  const place = t.common.where(p.file, p.line, p.field);
  const where = p.cell === undefined ? place : p.field === undefined ? `${place} ${t.import.cell} ${p.cell}` : place.replace(p.file, `${p.file} ${t.import.cell} ${p.cell}`);
  return `${t.common.severity[p.severity][0]}: ${where}: ${p.message[lang]}`;
}

export const importCommand = command({
  flags: {
    from: { type: "string", multiple: true, value: "<file>" },
    ...DATA_FLAG,
    driver: { type: "string", multiple: true, value: "<id,…>" },
    bands: { type: "string", value: "skr|nacka|80-89,90+" },
    region: { type: "string", value: "<code|name>" },
    contents: { type: "string", value: "<code>" },
    sheet: { type: "string", value: "<name>" },
    kind: { type: "string", value: KINDS.join("|") },
    set: { type: "string", value: "<id>" },
    "set-name": { type: "string", value: "<name>" },
    format: { type: "string", value: FORMATS.join("|") },
    "dry-run": { type: "boolean", default: false },
  },
  help: (t) => t.import.help,
  async run(values, { lang, t, io }) {
    const { AGE_BAND_PRESETS } = await import("../model/age-bands.ts");
    const { parseAge } = await import("../io/import/categories.ts");
    const { ID_PATTERN } = await import("../model/schema-parts.ts");
    const { planImport, readTable } = await import("../io/import/import-table.ts");
    const { readPackageFolder } = await import("../io/read-package-folder.ts");

    const from = values.from ?? [];
    if (from.length === 0) fail(t.common.required("from", t.import.fromWhy));
    const kind = values.kind === undefined ? undefined : choice(t, "kind", values.kind, KINDS);
    const format = values.format === undefined ? undefined : choice(t, "format", values.format, FORMATS);
    if (values.set !== undefined && !ID_PATTERN.test(values.set)) fail(t.import.invalidSet(values.set));
    if (values.set !== undefined && kind === "actual") fail(t.import.setIsForecast);
    const bands: AgeBand[] = [];
    if (values.bands !== undefined) {
      const preset = AGE_BAND_PRESETS[values.bands.trim().toLowerCase()];
      for (const part of preset === undefined ? values.bands.split(",") : []) {
        const band = parseAge(part);
        if (band === undefined || band === "total") fail(t.import.invalidBand(part));
        bands.push(band);
      }
      bands.push(...(preset ?? []));
    }

    let packageFiles: Record<string, string>;
    try {
      packageFiles = (await readPackageFolder(values.data)).files;
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
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
    for (const path of from) {
      const bytes = await readFile(path).catch(() => fail(t.import.unreadable(path)));
      const options = {
        ...(values.region === undefined ? {} : { region: values.region }),
        ...(municipality === undefined ? {} : { municipality }),
        ...(values.contents === undefined ? {} : { contents: values.contents }),
        ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
      };
      tables.push(await readTable(basename(path), new Uint8Array(bytes), options, format));
    }
    const drivers = (values.driver ?? []).flatMap((d) => d.split(",")).map((d) => d.trim()).filter((d) => d !== "");
    const plan = planImport(packageFiles, tables, {
      ...(drivers.length === 0 ? {} : { drivers }),
      bands,
      ...(kind === undefined ? {} : { kind }),
      ...(values.set === undefined ? {} : { set: { id: values.set, ...(values["set-name"] === undefined ? {} : { name: { sv: values["set-name"], en: values["set-name"] } }) } }),
    });
    const target = values.set === undefined ? "drivers.csv" : `driver-sets/${values.set}.csv`;
    const errors = plan.problems.filter((p) => p.severity === "error");
    const notes = plan.problems.filter((p) => p.severity === "note");
    if (errors.length > 0) fail(t.import.stopped(errors.length), [...errors, ...notes].map((p) => problemLine(t, lang, p)));
    for (const p of notes) io.out(`  ${problemLine(t, lang, p)}\n`);
    // The package's own warnings after the import, as every command prints a package's: on stderr.
    if (plan.report.length > 0) {
      const { findingCounts, findingLines } = await import("./report.ts");
      io.err(`${values.data}: ${findingCounts(t, plan.report)}\n${findingLines(t, plan.report).map((l) => `  ${l}`).join("\n")}\n`);
    }

    const f = formats(lang);
    const show = (row: { value: string; kind: string } | undefined) => (row === undefined ? "—" : `${f.number(Number(row.value.replace(",", ".")), 6)} (${row.kind})`);
    if (values["dry-run"]) {
      const header = t.import.columns;
      const rows = plan.changes.map((c) => [c.driver, String(c.year), show(c.before), show(c.after)]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
      const line = (cells: readonly string[]) => cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ");
      io.out(`${[header, ...rows].map(line).join("\n")}\n${t.import.dryRun(plan.changes.length, target, plan.kind)}\n`);
      return;
    }
    for (const [name, text] of Object.entries(plan.files)) {
      await mkdir(dirname(join(values.data, name)), { recursive: true });
      await writeFile(join(values.data, name), text, "utf8");
    }
    io.out(`${t.import.done(plan.changes.length, target, plan.kind)}\n`);
  },
});

runIfMain(import.meta.url, importCommand);
