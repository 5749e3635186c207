/**
 * A progress bar on stderr for long runs (cli-progress), shown only when stderr is a terminal so
 * that logs and pipes stay clean.
 */
import cliProgress from "cli-progress";

/** A progress callback `(done, total)` and a function to close the bar; both do nothing off a terminal. */
export function progressBar(label: string, total: number, unit: string): { update: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} |{bar}| {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
