/**
 * npm run sources as a municipality runs it on its own package: it fills the generated regions,
 * and with --check fails on a stale file or an unsourced number, naming what to fix.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const sources = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "cli/sources.ts", ...args], { encoding: "utf8" }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("npm run sources", () => {
  it("fails --check on a stale region and a lever no line names, then fills the regions", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-sources-"));
    await cp("data/nacka", folder, { recursive: true });
    const file = join(folder, "SOURCES.md");
    const original = await readFile(file, "utf8");
    const stale = original.replace(/(<!-- generated:wisn -->\n)[\s\S]*?(<!-- \/generated -->)/, "$1old numbers\n$2");
    await writeFile(file, stale.replaceAll("`stop_doing_non_core`", "stop_doing_non_core"));

    const check = await sources(["--data", folder, "--check", "--lang", "en"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("is out of date with the model: run npm run sources");
    expect(check.stderr).toContain("names no source for `stop_doing_non_core` (levers.json)");
    expect(await readFile(file, "utf8")).toContain("old numbers");

    await writeFile(file, stale);
    const fill = await sources(["--data", folder]);
    expect(fill.code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(original);
  }, 60_000);
});
