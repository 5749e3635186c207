/**
 * web/build.ts: what the page loads before its first chart (`app.js` and the chunks it imports
 * statically) holds none of the code only the server or the Monte Carlo worker runs: no zod (the
 * package comes parsed and validated, `GET /api/package/model`), no file parser, no sampler.
 */
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { buildOptions } from "../../web/build.ts";

/** The source files in the first load's scripts, by the page build's metafile. */
async function firstLoadInputs(): Promise<string[]> {
  const { metafile } = await esbuild.build({ ...buildOptions().page, write: false, logLevel: "silent" });
  const outputs = metafile!.outputs;
  const app = Object.keys(outputs).find((file) => file.endsWith("web/dist/app.js"))!;
  const first = new Set([app]);
  for (const file of first) {
    for (const imported of outputs[file]!.imports) if (imported.kind === "import-statement") first.add(imported.path);
  }
  return [...first].flatMap((file) => Object.keys(outputs[file]!.inputs));
}

describe("the page's first load", () => {
  it("has the model and the charts but neither zod, the package's file parsers nor the samplers", async () => {
    const inputs = await firstLoadInputs();
    // what the first chart needs is there (else the test would pass on an empty build)
    expect(inputs).toContain("model/evaluate.ts");
    expect(inputs.some((file) => file.includes("node_modules/@observablehq/plot/"))).toBe(true);
    expect(inputs.filter((file) => file.includes("node_modules/zod/"))).toEqual([]);
    // the Monte Carlo worker draws; the page uses the distributions' quantiles only
    expect(inputs.filter((file) => file.includes("node_modules/@stdlib/random-base-"))).toEqual([]);
    expect(inputs.filter((file) => /^model\/(parse-[a-z-]+|package-schema|csv|csv-rows|json-source|[a-z-]+-schema|scenario|schema-parts)\.ts$/.test(file))).toEqual([]);
  }, 60_000);
});
