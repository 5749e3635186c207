/**
 * Runs a command (`node cli/run-bundled.mjs forecast …` = `tsx cli/forecast.ts …`) from a bundle
 * of its TypeScript that esbuild builds on first use and whenever a source file is newer: starting
 * from one JavaScript file skips tsx's compilation of every module at every start (most of a
 * second), which is most of a short command's time. Packages stay outside the bundle and load
 * from node_modules as usual; a format's packages (exceljs, apache-arrow) load only when used
 * (the bundle is split at dynamic imports).
 *
 * The bundle lives in node_modules/.cache/vaxa-cli/, beside the packages it imports.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const command = process.argv[2];
if (!/^[a-z-]+$/.test(command ?? "")) {
  process.stderr.write("usage: node cli/run-bundled.mjs <command> [options]\n");
  process.exit(2);
}
const outdir = `${root}node_modules/.cache/vaxa-cli/${command}`;
const manifest = `${outdir}/inputs.json`;

/** Whether the bundle exists and no input is newer than it. */
function fresh() {
  try {
    const { built, inputs } = JSON.parse(readFileSync(manifest, "utf8"));
    return inputs.every((file) => statSync(`${root}${file}`).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import("esbuild");
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [`cli/${command}.ts`],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir,
    metafile: true,
    logLevel: "error",
  });
  writeFileSync(manifest, JSON.stringify({ built: started, inputs: Object.keys(result.metafile.inputs) }));
}
// the command sees itself as the main script (`isEntryPoint`), with its own arguments
const bundle = `${outdir}/${command}.js`;
process.argv.splice(1, 2, bundle);
await import(pathToFileURL(bundle).href);
