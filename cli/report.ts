/**
 * The graded validation report as lines of text: what `--validate` prints, and what every command
 * prints on stderr before its output when a package has warnings or notes. A thin renderer of the
 * parser's findings (`PackageFinding`, `model/package-error.ts`), so that the words can be
 * translated in one place.
 */
import { formatPackageError, type PackageFinding, SEVERITIES, type Severity } from "../model/package-error.ts";

const NAMES: Record<Severity, [string, string]> = { error: ["error", "errors"], warning: ["warning", "warnings"], note: ["note", "notes"] };
const WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

/** "2 errors, 1 warning" (severities with none left out), or "no findings". */
export function findingCounts(report: readonly PackageFinding[]): string {
  const parts = SEVERITIES.flatMap((severity) => {
    const n = report.filter((f) => f.severity === severity).length;
    if (n === 0) return [];
    const [one, many] = NAMES[severity];
    return [`${n} ${n === 1 ? one : many}`];
  });
  return parts.length === 0 ? "no findings" : parts.join(", ");
}

/** One line per finding: `  warning  drivers.csv line 12, field "value": …`. */
export function findingLines(report: readonly PackageFinding[]): string[] {
  return report.map((f) => `  ${f.severity.padEnd(WIDTH)}  ${formatPackageError(f)}`);
}
