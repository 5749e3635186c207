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
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

/**
 * Parts of zod the Monte Carlo worker never reaches, left out of its bundle. The page has no zod
 * (the model it imports holds no schema: `tests/web/build.test.ts`), but the worker checks the
 * distributions it draws from with their schema (`model/sampling.ts`); esbuild cannot tree-shake
 * zod's `z` namespace and would bundle all of it, though the worker only builds and runs schemas
 * with zod's default English messages. Left out: the other 60 languages' messages (`z.locales`),
 * `z.fromJSONSchema` and the ahead-of-time `z.compile` (whose generated code the page's CSP
 * would refuse anyway); each stub keeps the module's exports,
 * which throw if called. A zod release that moves these files fails the build
 * ({@link browserOnlyZod}), so the stubs cannot silently stop applying.
 */
const ZOD_STUBS: Record<string, string> = {
  "v4/locales/index.js": 'export { default as en } from "./en.js";',
  "v4/classic/from-json-schema.js": 'export function fromJSONSchema() { throw new Error("z.fromJSONSchema is left out of the web bundle (web/build.ts)"); }',
  "v4/core/compile.js": [
    'export const INVALID = Symbol.for("zod.compile.invalid");',
    "export class ZodCompileAsyncError extends Error {}",
    "export class ZodCompileUnsupportedError extends Error {}",
    'const leftOut = () => { throw new Error("z.compile is left out of the web bundle (web/build.ts)"); };',
    "export { leftOut as compile, leftOut as withParser, leftOut as compileFn };",
  ].join("\n"),
};

/** The esbuild plugin that replaces the files of {@link ZOD_STUBS} by their stubs, and fails the build if one is not met. */
function browserOnlyZod(): esbuild.Plugin {
  return {
    name: "browser-only-zod",
    setup(build) {
      const met = new Set<string>();
      const stubOf = (path: string) => Object.keys(ZOD_STUBS).find((file) => path.replaceAll("\\", "/").endsWith(`/node_modules/zod/${file}`));
      build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/].*\.js$/ }, (args) => {
        const stub = stubOf(args.path);
        if (stub === undefined) return undefined;
        met.add(stub);
        return { contents: ZOD_STUBS[stub], loader: "js", resolveDir: dirname(args.path) };
      });
      build.onEnd((result) => {
        const missed = Object.keys(ZOD_STUBS).filter((file) => !met.has(file));
        if (result.errors.length === 0 && missed.length > 0) {
          result.errors.push({ id: "", pluginName: "browser-only-zod", text: `zod has no ${missed.join(", ")} any more: update ZOD_STUBS in web/build.ts`, location: null, notes: [], detail: undefined });
        }
      });
    },
  };
}

/** What the page's and the worker's builds share. */
const COMMON: esbuild.BuildOptions = {
  outdir: OUT_DIR,
  // the metafile's paths are relative to this: the repository root, wherever the build is run from
  absWorkingDir: ROOT,
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
};

/**
 * esbuild options of the two builds: the page (`app.js`; code loaded with `import()`, the views
 * after the planner's, and code they share go to `chunks/`) and the Monte Carlo worker (one file,
 * loaded after the first chart, with what the page leaves out).
 */
export function buildOptions(overrides: Partial<esbuild.BuildOptions> = {}): { page: esbuild.BuildOptions; worker: esbuild.BuildOptions } {
  const plugins = overrides.plugins ?? [];
  return {
    page: { ...COMMON, entryPoints: { app: ENTRY }, splitting: true, chunkNames: "chunks/[name]-[hash]", ...overrides, plugins },
    worker: { ...COMMON, entryPoints: { "monte-carlo-worker": WORKER_ENTRY }, ...overrides, plugins: [browserOnlyZod(), ...plugins] },
  };
}

/** The outputs of both builds in one metafile (their files are distinct). */
function merged(results: esbuild.BuildResult[]): esbuild.Metafile {
  return {
    inputs: Object.assign({}, ...results.map((r) => r.metafile?.inputs ?? {})),
    outputs: Object.assign({}, ...results.map((r) => r.metafile?.outputs ?? {})),
  };
}

/** What {@link buildWeb} reports, and `web/dist/meta.json` holds. */
export interface WebBuildReport {
  outDir: string;
  /** Milliseconds the build took. */
  ms: number;
  /** Output files relative to the repository root, with their sizes in bytes. */
  outputs: { file: string; bytes: number }[];
  /**
   * The chunks `app.js` imports, directly or through each other, as URLs (`/build/chunks/…`): the
   * page names them as `modulepreload` hints (`server/page.ts`), so the browser fetches them with
   * `app.js` instead of one round trip after it.
   */
  preload: string[];
}

/** The chunks an output imports statically, transitively, as URLs under `/build/`. */
function staticImports(metafile: esbuild.Metafile, output: string): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind !== "import-statement" || found.has(imported.path)) continue;
      found.add(imported.path);
      visit(imported.path);
    }
  };
  visit(output);
  return [...found].map((file) => `/build/${relative(OUT_DIR, resolve(ROOT, file)).replaceAll("\\", "/")}`);
}

/** Writes `meta.json`: when and from what the bundle was built, and what the page preloads. */
async function writeMeta(metafile: esbuild.Metafile, ms: number): Promise<WebBuildReport> {
  const outputs = Object.entries(metafile.outputs).map(([file, info]) => ({ file: relative(ROOT, resolve(ROOT, file)), bytes: info.bytes }));
  const preload = staticImports(metafile, relative(ROOT, join(OUT_DIR, "app.js")).replaceAll("\\", "/"));
  await writeFile(join(OUT_DIR, "meta.json"), `${JSON.stringify({ builtAt: new Date().toISOString(), ms, outputs, preload }, null, 2)}\n`);
  return { outDir: OUT_DIR, ms, outputs, preload };
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
  const options = buildOptions();
  const metafile = merged(await Promise.all([esbuild.build(options.page), esbuild.build(options.worker)]));
  // Chunks are named by their content: older builds' would pile up. Removed after the build, not
  // before, so a server serving the same sources (tests build in parallel) never misses a file.
  const current = new Set(Object.keys(metafile.outputs).map((file) => resolve(ROOT, file)));
  for (const name of await readdir(join(OUT_DIR, "chunks")).catch(() => [])) {
    const path = join(OUT_DIR, "chunks", name);
    if (!current.has(path.replace(/\.(br|gz)$/, ""))) await rm(path, { force: true });
  }
  // the browser gets the bundle compressed (server/precompressed.ts): compressed once here, at the highest levels
  for (const file of Object.keys(metafile.outputs).filter((f) => /\.(js|css)$/.test(f))) {
    const path = resolve(ROOT, file);
    const content = await readFile(path);
    await writeFile(`${path}.br`, await promisify(brotliCompress)(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${path}.gz`, await promisify(gzip)(content, { level: 9 }));
  }
  return writeMeta(metafile, Math.round(performance.now() - started));
}

async function main(): Promise<void> {
  if (process.argv.includes("--watch")) {
    // every rebuild of the page names its chunks anew: meta.json (the page's outputs) follows, so that the page preloads what exists
    const meta: esbuild.Plugin = {
      name: "meta",
      setup: (build) => build.onEnd((result) => (result.metafile ? writeMeta(result.metafile, 0).then(() => undefined) : undefined)),
    };
    const { page, worker } = buildOptions({ logLevel: "info" });
    const contexts = await Promise.all([esbuild.context({ ...page, plugins: [...(page.plugins ?? []), meta] }), esbuild.context(worker)]);
    await Promise.all(contexts.map((context) => context.watch()));
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
