/**
 * Bundles the web app (`web/main.ts` and everything it imports: the model, the chart functions of
 * `charts/`, Observable Plot) into `web/dist/` with esbuild, which the server serves as `/build/`,
 * so that the browser loads nothing but files from the Vaxa server itself: no CDN, no web fonts
 * (the page uses the system font stack).
 *
 *     npm run build:web            build (also run by `npm start` and by the browser tests)
 *     npm run build:web -- --watch rebuild on every change
 *
 * Output: `web/dist/app.js` (one ES module, minified, with a source map), the Monte Carlo worker
 * `web/dist/monte-carlo-worker.js` (started by the app in the background) and `web/dist/meta.json`
 * (when and from what it was built). The folder is git-ignored.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

/** The repository root (this file's parent folder). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The entry point of the browser app. */
export const ENTRY = join(ROOT, "web", "main.ts");
/** The Monte Carlo worker's entry point, loaded by the app only when a range is computed (not part of the first load). */
export const WORKER_ENTRY = join(ROOT, "web", "monte-carlo-worker.ts");
/** Where the bundle is written; served by the server as `/build/` (`server/app.ts`). */
export const OUT_DIR = join(ROOT, "web", "dist");

/** esbuild options for the web bundle. */
export function buildOptions(overrides: Partial<esbuild.BuildOptions> = {}): esbuild.BuildOptions {
  return {
    entryPoints: { app: ENTRY, "monte-carlo-worker": WORKER_ENTRY },
    outdir: OUT_DIR,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "firefox110", "safari16", "edge110"],
    minify: true,
    sourcemap: "linked",
    legalComments: "linked",
    charset: "utf8",
    logLevel: "warning",
    metafile: true,
    // With platform "browser", an import of a Node built-in (node:fs …) fails the build: none may reach the page.
    define: { "process.env.NODE_ENV": '"production"' },
    ...overrides,
  };
}

/** What {@link buildWeb} reports. */
export interface WebBuildReport {
  outDir: string;
  /** Milliseconds the build took. */
  ms: number;
  /** Output files relative to the repository root, with their sizes in bytes. */
  outputs: { file: string; bytes: number }[];
}

/**
 * Builds the web bundle once.
 *
 * @throws Error with esbuild's messages when the build fails.
 * @example const report = await buildWeb(); console.log(report.ms);
 */
export async function buildWeb(): Promise<WebBuildReport> {
  const started = performance.now();
  await mkdir(OUT_DIR, { recursive: true });
  const result = await esbuild.build(buildOptions());
  // the browser gets the bundle compressed (server/precompressed.ts): compressed once here, at the highest levels
  for (const file of Object.keys(result.metafile?.outputs ?? {}).filter((f) => /\.(js|css)$/.test(f))) {
    const path = resolve(ROOT, file);
    const content = await readFile(path);
    await writeFile(`${path}.br`, await promisify(brotliCompress)(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${path}.gz`, await promisify(gzip)(content, { level: 9 }));
  }
  const ms = Math.round(performance.now() - started);
  const outputs = Object.entries(result.metafile?.outputs ?? {}).map(([file, info]) => ({
    file: relative(ROOT, resolve(ROOT, file)),
    bytes: info.bytes,
  }));
  await writeFile(
    join(OUT_DIR, "meta.json"),
    `${JSON.stringify({ builtAt: new Date().toISOString(), ms, outputs }, null, 2)}\n`,
  );
  return { outDir: OUT_DIR, ms, outputs };
}

async function main(): Promise<void> {
  if (process.argv.includes("--watch")) {
    const context = await esbuild.context(buildOptions({ logLevel: "info" }));
    await context.watch();
    console.log(`watching web/ — bundle in ${relative(ROOT, OUT_DIR)}/`);
    return;
  }
  const report = await buildWeb();
  const size = report.outputs
    .filter((o) => o.file.endsWith(".js"))
    .map((o) => `${o.file} ${(o.bytes / 1024).toFixed(0)} kB`)
    .join(", ");
  console.log(`web bundle built in ${report.ms} ms: ${size}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
