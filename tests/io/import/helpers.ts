/**
 * Shared by the importer tests: fixture bytes, and the figures of one driver computed from observations.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AgeBand } from "../../../model/age-bands.ts";
import type { ImportProblem, ReadResult } from "../../../io/import/import-types.ts";
import { toDriverValues } from "../../../io/import/to-drivers.ts";

export const FIXTURES = "tests/fixtures/import";

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");

/** Year → value of one band (both sexes) from a reader's result; problems of the mapping go to `problems`. */
export function bandValues(result: ReadResult, band: AgeBand, problems: ImportProblem[] = []): Map<number, number> {
  return toDriverValues(result.provenance.file, result.observations, [{ id: "band", band }], problems)[0]?.values ?? new Map();
}

export const errorsOf = (problems: ImportProblem[]) => problems.filter((p) => p.severity === "error");
export const notesOf = (problems: ImportProblem[]) => problems.filter((p) => p.severity === "note");
