/**
 * The graded validation report as lines of text, in the command's language: what `--validate`
 * prints, and what every command prints on stderr before its output when a package has warnings
 * or notes. A thin renderer of the parser's findings (`PackageFinding`, `model/package-error.ts`):
 * the severities and the place are the language's (`messages.ts`), the finding's message is the
 * model's.
 */
import { type PackageFinding, SEVERITIES } from "../model/package-error.ts";
import type { Messages } from "./messages.ts";

/** "2 fel, 1 varning" (severities with none left out), or "inga anmärkningar". */
export function findingCounts(t: Messages, report: readonly PackageFinding[]): string {
  const parts = SEVERITIES.flatMap((severity) => {
    const n = report.filter((f) => f.severity === severity).length;
    if (n === 0) return [];
    const [one, many] = t.common.severity[severity];
    return [`${n} ${n === 1 ? one : many}`];
  });
  return parts.length === 0 ? t.common.noFindings : parts.join(", ");
}

/** One line per finding: `varning   drivers.csv rad 12, fält ”value”: …`, the severity in a column. */
export function findingLines(t: Messages, report: readonly PackageFinding[]): string[] {
  const word = (f: PackageFinding) => t.common.severity[f.severity][0];
  const width = Math.max(...SEVERITIES.map((s) => t.common.severity[s][0].length));
  return report.map((f) => `${word(f).padEnd(width)}  ${t.common.where(f.file, f.line, f.field)}: ${f.message}`);
}
