/**
 * The generated import section of SOURCES.md (io/import/sources-section.ts).
 */
import { describe, expect, it } from "vitest";
import { SECTION_END, SECTION_START, withImportEntry } from "../../../io/import/sources-section.ts";

const entry = (tableId: string, years: number[], notes: string[] = []) => ({
  provenance: { format: "PX", file: "BE0101N1.px", tableId, title: "Folkmängd", updated: "2025-02-21", source: "SCB", requiredNotes: ["Not ett", "Not två"], projection: false },
  kind: "actual" as const,
  written: new Map([["residents", years]]),
  notes,
});

describe("withImportEntry", () => {
  it("adds a delimited section at the end, keeping the planner's text, with table, date, years and required notes", () => {
    const text = withImportEntry("# Sources\n\nMy own notes.\n", entry("TAB638", [2015, 2016, 2017], ["a note"]));
    expect(text.startsWith("# Sources\n\nMy own notes.\n\n")).toBe(true);
    expect(text).toContain(SECTION_START);
    expect(text.trimEnd().endsWith(SECTION_END)).toBe(true);
    expect(text).toContain("| table | TAB638: Folkmängd |");
    expect(text).toContain("| updated by the source | 2025-02-21 |");
    expect(text).toContain("| file | BE0101N1 (PX) |");
    expect(text).toContain("| drivers and years | `residents` 2015–2017 |");
    expect(text).toContain("> Not ett\n\n> Not två");
    expect(text).toContain("- a note");
  });

  it("replaces the entry of the same table and drivers on a new import, and keeps the others", () => {
    const once = withImportEntry("# Sources\n", entry("TAB638", [2015]));
    const other = withImportEntry(`${once}\nAfter the section.\n`, entry("TAB9999", [2020]));
    const again = withImportEntry(other, entry("TAB638", [2015, 2016]));
    expect(again.match(/### TAB638/g)).toHaveLength(1);
    expect(again).toContain("`residents` 2015–2016");
    expect(again).toContain("### TAB9999");
    expect(again).toContain("After the section.");
  });
});
