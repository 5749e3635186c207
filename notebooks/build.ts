/**
 * Builds the analyst notebooks (`notebooks/*.html`, Observable Notebook Kit format) to static
 * HTML in `notebooks/.observable/dist`, for reading offline.
 *
 *     npm run notebooks                  build
 *     npm run notebooks -- --serve       build, then serve the result on http://127.0.0.1:<port>/
 *     npm run notebooks -- --preview     live preview while writing a notebook (Vite dev server)
 *
 * This is `notebooks build --root notebooks -- notebooks/*.html` (notebook-kit's own command) with
 * three additions, all for offline use:
 *
 * 1. **No CDN built-ins.** Notebook Kit's built-ins `Plot`, `d3`, `Inputs`, `html`, `htl`, `svg`,
 *    `_`, `aq`, `Arrow`, `duckdb`, `DuckDBClient`, `echarts`, `React`, `ReactDOM`, `topojson`, `L`,
 *    `mapboxgl`, `mermaid`, `tex`, `dot`, `vl`, the sample datasets, and `npm:`, `jsr:` and
 *    `observable:` imports all load from a CDN in the reader's browser. A notebook that uses one
 *    fails the build, naming the notebook, the cell and the fix (a bare import from
 *    node_modules, e.g. `import * as Plot from "@observablehq/plot"`).
 * 2. **No CDN addresses in the output.** The runtime's lazy loaders for those built-ins are
 *    rewritten to fail with that message instead of fetching, so the built files contain no
 *    address of a CDN at all (the browser test checks this).
 * 3. **Swedish pages:** `<html lang="sv">`, for screen readers and hyphenation.
 *
 * `md`, `display`, `view`, `width` and `FileAttachment` (for local files) are local and may be used.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transpile } from "@observablehq/notebook-kit";
import { config, observable } from "@observablehq/notebook-kit/vite";
import { type Alias, build, createServer, type InlineConfig, type Plugin } from "vite";
import { serveStatic } from "./serve.ts";

/** The notebooks folder (this file's folder). */
export const NOTEBOOKS_DIR = dirname(fileURLToPath(import.meta.url));
/** Where the build writes, relative to {@link NOTEBOOKS_DIR}; git-ignored. */
export const OUT_DIR = ".observable/dist";

/**
 * Notebook Kit built-ins that load from a CDN in the browser (its `recommendedLibraries` and
 * `sampleDatasets`). `md` is not here: it is bundled from node_modules.
 */
export const CDN_BUILTINS: ReadonlyMap<string, string> = new Map([
  ["Plot", 'import * as Plot from "@observablehq/plot"'],
  ["d3", "import the d3 module you need from node_modules (install it first)"],
  ["Inputs", "build inputs from DOM elements (document.createElement) and pass them to view()"],
  ["html", "build elements with document.createElement, or write a Markdown cell"],
  ["svg", "build elements with document.createElementNS"],
  ["htl", "build elements with document.createElement"],
  ["_", "use plain JavaScript"],
  ["aq", "install arquero and import it bare"],
  ["Arrow", 'import * as Arrow from "apache-arrow"'],
  ["duckdb", "not available offline"],
  ["DuckDBClient", "not available offline"],
  ["echarts", "use Plot"],
  ["React", "not used in these notebooks"],
  ["ReactDOM", "not used in these notebooks"],
  ["topojson", "install topojson-client and import it bare"],
  ["L", "not available offline"],
  ["mapboxgl", "not available offline"],
  ["mermaid", "not available offline"],
  ["tex", "write the formula in a Markdown code block"],
  ["dot", "not available offline"],
  ["vl", "use Plot"],
  ...[
    "aapl",
    "alphabet",
    "cars",
    "citywages",
    "diamonds",
    "flare",
    "industries",
    "miserables",
    "olympians",
    "penguins",
    "pizza",
    "weather",
  ].map((name): [string, string] => [name, "sample datasets load from a CDN; use the data package (nacka.ts)"]),
]);

/** The notebooks to build: every `*.html` directly in the notebooks folder. */
export function notebookFiles(dir = NOTEBOOKS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => join(dir, f));
}

type Notebook = Parameters<NonNullable<Parameters<typeof observable>[0]>["transformNotebook"] & {}>[0];

/**
 * Every reason a notebook would reach for the network when read: CDN built-ins it uses without
 * declaring them itself, and imports that resolve to an absolute URL. Empty when it is offline-safe.
 */
export function offlineProblems(notebook: Notebook, file: string): string[] {
  const code = notebook.cells.filter((c) => c.mode === "js" || c.mode === "ts" || c.mode === "md" || c.mode === "html");
  const transpiled = code.map((cell) => ({ cell, t: transpile(cell, { resolveFiles: true }) }));
  const declared = new Set(transpiled.flatMap(({ t }) => [...(t.outputs ?? []), ...(t.output ? [t.output] : [])]));
  const problems: string[] = [];
  for (const { cell, t } of transpiled) {
    for (const name of t.inputs ?? []) {
      const fix = CDN_BUILTINS.get(name);
      if (fix !== undefined && !declared.has(name)) {
        problems.push(`${file}, cell ${cell.id}: the built-in "${name}" loads from a CDN and breaks offline; ${fix}`);
      }
    }
    for (const match of t.body.matchAll(/import\(\s*"((?:https?:)?\/\/[^"]*)"/g)) {
      problems.push(
        `${file}, cell ${cell.id}: import from ${match[1]} needs the network (npm:, jsr:, observable: and URL imports ` +
          `all do); install the package and import it bare, e.g. import * as Plot from "@observablehq/plot"`,
      );
    }
  }
  return problems;
}

const RUNTIME = /[\\/]@observablehq[\\/]notebook-kit[\\/]dist[\\/]src[\\/]runtime[\\/]/;
const CDN_HOSTS = /https:\/\/(cdn\.jsdelivr\.net|esm\.sh|unpkg\.com|api\.observablehq\.com)\//g;
const STATIC_CDN_IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']https:\/\//m;

function offlineMessage(what: string): string {
  return `${what} loads from a CDN, which the Vaxa notebooks do not use (they must work offline); see notebooks/README.md`;
}

/**
 * Rewrites Notebook Kit's runtime so that nothing in it can fetch from a CDN: a module that
 * imports from one statically becomes a module that throws when loaded (they are all loaded
 * lazily, by built-ins the build refuses anyway), dynamic imports of a CDN address reject, and
 * any other CDN address becomes an unfetchable `cdn-disabled:` one.
 */
export function offlineRuntime(): Plugin {
  return {
    name: "vaxa-offline-runtime",
    enforce: "pre",
    transform(code, id) {
      if (!RUNTIME.test(id)) return null;
      const name = id.split(/[\\/]/).pop()?.replace(/\?.*$/, "") ?? id;
      if (name.endsWith(".css")) {
        if (!code.includes("https://")) return null;
        return { code: code.replace(/@import\s+url\(\s*["']https:\/\/[^)]*\)\s*;?/g, ""), map: null };
      }
      if (STATIC_CDN_IMPORT.test(code)) {
        return { code: `throw new Error(${JSON.stringify(offlineMessage(`Notebook Kit's ${name}`))});\n`, map: null };
      }
      if (!code.includes("https://")) return null;
      const rewritten = code
        .replace(/import\(\s*(["'])(https:\/\/[^"']*)\1\s*\)/g, (_, _q, url: string) => {
          const what = url.replace(/^https:\/\/[^/]+\/(npm\/)?/, "").replace(/\/\+esm$/, "");
          return `Promise.reject(new Error(${JSON.stringify(offlineMessage(what))}))`;
        })
        .replace(CDN_HOSTS, "cdn-disabled:$1/");
      return { code: rewritten, map: null };
    },
  };
}

/**
 * Notebook Kit's Vite configuration with the offline checks and Swedish pages. Its aliases that
 * send `npm:` and `jsr:` imports to a CDN are dropped (the check above refuses such imports).
 */
export function notebookConfig(root = NOTEBOOKS_DIR): InlineConfig {
  const kit = config();
  const aliases = (kit.resolve?.alias ?? []) as Alias[];
  return {
    ...kit,
    resolve: {
      ...kit.resolve,
      alias: aliases.filter(({ find }) => !/npm:|jsr:/.test(String(find))),
    },
    root,
    logLevel: "warn" as const,
    plugins: [
      offlineRuntime(),
      observable({
        transformTemplate: (template) => template.replace(/<html lang="en">/, '<html lang="sv">'),
        transformNotebook: (notebook, context) => {
          const problems = offlineProblems(notebook, relative(process.cwd(), context.filename));
          if (problems.length > 0) throw new Error(`notebook would need the network:\n  ${problems.join("\n  ")}`);
          return notebook;
        },
      }),
    ],
  };
}

/** Builds every notebook to `notebooks/.observable/dist` (emptied first). Returns the page names. */
export async function buildNotebooks(root = NOTEBOOKS_DIR): Promise<string[]> {
  const inputs = notebookFiles(root);
  if (inputs.length === 0) throw new Error(`no notebooks (*.html) in ${root}`);
  await build({
    ...notebookConfig(root),
    base: "./",
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: true,
      cssMinify: true,
      rollupOptions: { input: inputs },
    },
  });
  return inputs.map((f) => relative(root, f));
}

async function main(args: string[]): Promise<void> {
  const unknown = args.filter((a) => a !== "--serve" && a !== "--preview");
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(" ")}; use --serve (build, then serve) or --preview (live preview)`);
    process.exit(2);
  }
  if (args.includes("--preview")) {
    const server = await createServer({ ...notebookConfig(), base: "/", logLevel: "info" });
    await server.listen();
    server.printUrls();
    return;
  }
  const started = performance.now();
  const pages = await buildNotebooks();
  const out = relative(process.cwd(), resolve(NOTEBOOKS_DIR, OUT_DIR));
  console.log(`built ${pages.length} notebooks in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}/`);
  for (const page of pages) console.log(`  ${out}/${page}`);
  if (args.includes("--serve")) {
    const server = await serveStatic(resolve(NOTEBOOKS_DIR, OUT_DIR), Number(process.env.PORT ?? 0));
    console.log(`\nserving ${out} at ${server.url} (Ctrl-C to stop)`);
    for (const page of pages) console.log(`  ${server.url}${page}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
