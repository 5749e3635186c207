/**
 * JSON-stat 2.0 (https://json-stat.org/format/), the default answer of SCB's PxWeb API v2: a
 * dataset read with jsonstat-toolkit (which expands sparse `value` and `status`), then mapped by
 * the shared cube core. SCB's extensions are kept as provenance: `extension.px.tableid`,
 * `updated`, `source`, and the notes `extension.noteMandatory` marks as required.
 */
import JSONstat from "jsonstat-toolkit";
import { isStatusSymbol, looksLikeProjection } from "./categories.ts";
import { categoriesOfIndex, type CubeCell, type CubeDimension, type DimensionRole, selectFromCube } from "./cube.ts";
import { type ImportProblem, type ReadOptions, type ReadResult, say } from "./import-types.ts";
import { parseJsonWithLines } from "./text.ts";

export function readJsonStat(file: string, text: string, options: ReadOptions): ReadResult {
  const problems: ImportProblem[] = [];
  const provenance = { format: "JSON-stat 2.0", file, requiredNotes: [] as string[], projection: false };
  const json = parseJsonWithLines(file, text, problems);
  if (json === undefined) return { observations: [], provenance, problems };
  const raw = json.value;
  const version = (raw as { version?: unknown; class?: unknown } | null)?.version;
  const klass = (raw as { class?: unknown } | null)?.class;
  if (version !== "2.0" || klass !== "dataset") {
    problems.push({
      file,
      severity: "error",
      field: "version",
      message: say(
        `väntade en JSON-stat 2.0-datamängd ("version": "2.0", "class": "dataset"), fick version ${JSON.stringify(version)} och class ${JSON.stringify(klass)}`,
        `expected a JSON-stat 2.0 dataset ("version": "2.0", "class": "dataset"), found version ${JSON.stringify(version)} and class ${JSON.stringify(klass)}`,
      ),
    });
    return { observations: [], provenance, problems };
  }
  const dataset = JSONstat(raw);
  const roleOfId = new Map<string, DimensionRole>();
  for (const id of dataset.role?.time ?? []) roleOfId.set(id, "year");
  for (const id of dataset.role?.geo ?? []) roleOfId.set(id, "region");
  for (const id of dataset.role?.metric ?? []) roleOfId.set(id, "contents");

  const dimensions: CubeDimension[] = dataset.id.map((id) => {
    const dimension = dataset.Dimension(id);
    const codes = dimension?.id ?? [];
    const elimination = dimension?.extension?.eliminationValueCode;
    const role = roleOfId.get(id);
    return {
      id,
      label: dimension?.label ?? id,
      codes,
      labels: codes.map((code) => dimension?.Category(code)?.label ?? code),
      ...(role === undefined ? {} : { declaredRole: role }),
      ...(typeof elimination === "string" ? { eliminationCode: elimination } : {}),
    };
  });

  const expected = dataset.size.reduce((a, b) => a * b, 1);
  if (dataset.value.length !== expected) {
    problems.push({
      file,
      severity: "error",
      field: "value",
      message: say(`"value" har ${dataset.value.length} värden men dimensionerna ger ${expected}`, `"value" has ${dataset.value.length} values but the dimensions make ${expected}`),
    });
    return { observations: [], provenance, problems };
  }
  // `value` is an array, or an object keyed by the index (sparse); a cell absent from it has no line.
  const lineOfValue = (index: number): number | undefined => json.lineOf(["value", index]) ?? json.lineOf(["value", String(index)]);
  const cells = function* (): Generator<CubeCell> {
    for (let index = 0; index < expected; index += 1) {
      const categories = categoriesOfIndex(index, dataset.size);
      const value = dataset.value[index] ?? null;
      const status = dataset.status?.[index] ?? undefined;
      const missing = value === null || (status !== undefined && isStatusSymbol(status));
      const line = lineOfValue(index);
      yield {
        categories,
        value: missing ? null : value,
        ...(missing ? { status: status ?? "null" } : {}),
        where: { field: `value[${index}]`, ...(line === undefined ? {} : { line }) },
      };
    }
  };
  const selection = selectFromCube(file, dimensions, cells(), options, problems);

  const px = (dataset.extension?.px ?? {}) as Record<string, unknown>;
  const mandatory = (dataset.extension?.noteMandatory ?? {}) as Record<string, unknown>;
  const notes = dataset.note ?? [];
  const required = notes.filter((_, i) => mandatory[String(i)] === true);
  const title = dataset.label ?? undefined;
  const tableId = typeof px.tableid === "string" ? px.tableid : typeof px.matrix === "string" ? px.matrix : undefined;
  return {
    observations: selection.observations,
    provenance: {
      ...provenance,
      requiredNotes: required,
      projection: looksLikeProjection(`${title ?? ""} ${selection.contents ?? ""}`),
      ...(tableId === undefined ? {} : { tableId }),
      ...(title === undefined ? {} : { title }),
      ...(dataset.updated ? { updated: dataset.updated } : {}),
      ...(dataset.source ? { source: dataset.source } : {}),
      ...(selection.region === undefined ? {} : { region: selection.region }),
      ...(selection.contents === undefined ? {} : { contents: selection.contents }),
    },
    problems,
  };
}
