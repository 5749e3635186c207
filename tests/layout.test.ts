/**
 * The folder layout is the architecture (README, "Layout"): the import graph between the
 * top-level folders is drawn here from the code itself, every `import … from "<relative path>"`
 * in the TypeScript files and the notebooks' cells, and checked against the rules.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
/** The source folders; tests and benchmarks may import anything and are not part of the graph. */
const FOLDERS = ["model", "contract", "charts", "paper", "io", "cli", "server", "web", "notebooks"];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === "node_modules" || name.startsWith(".") || name === "dist") return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mts|html)$/.test(name) ? [path] : [];
  });
}

/** Every relative import of a file, as a path from the repository root. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) =>
    relative(ROOT, resolve(dirname(file), m[1] ?? m[2]!)),
  );
}

/** folder → folder edges, each with one file that makes it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map(FOLDERS.map((f) => [f, new Map<string, string>()]));
  for (const folder of FOLDERS) {
    for (const file of files(join(ROOT, folder))) {
      for (const target of imports(file)) {
        const to = target.split("/")[0]!;
        if (to !== folder && graph.has(to) && !graph.get(folder)!.has(to)) graph.get(folder)!.set(to, relative(ROOT, file));
      }
    }
  }
  return graph;
}

/** A cycle in the graph as a list of folders, or null. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === "done") return null;
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node)!.keys()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const graph = folderGraph();

describe("the import graph between folders", () => {
  it("is found in the code (the model is imported by every other folder)", () => {
    for (const folder of FOLDERS.filter((f) => f !== "model")) expect(graph.get(folder)!.has("model"), folder).toBe(true);
  });

  it("has no edge from web/, cli/ or notebooks/ into server/", () => {
    for (const folder of ["web", "cli", "notebooks"]) {
      const via = graph.get(folder)!.get("server");
      expect(via, `${folder}/ imports server/ (in ${via})`).toBeUndefined();
    }
  });

  it("has no cycle", () => {
    expect(findCycle(graph)).toBeNull();
  });

  it("keeps the model, the contract and the charts free of every edge folder", () => {
    expect([...graph.get("model")!.keys()]).toEqual([]);
    expect([...graph.get("contract")!.keys()]).toEqual(["model"]);
    expect([...graph.get("charts")!.keys()].sort()).toEqual(["contract", "model"]);
    // The council paper is pure too: the web app draws it, the server writes it as PDF and XLSX.
    expect([...graph.get("paper")!.keys()].sort()).toEqual(["charts", "contract", "model"]);
  });

  it("lets nothing but the server import server/db/", () => {
    for (const folder of FOLDERS.filter((f) => f !== "server")) {
      for (const file of files(join(ROOT, folder))) {
        expect(imports(file).filter((target) => target.startsWith("server/db/")), relative(ROOT, file)).toEqual([]);
      }
    }
  });

  it("finds a cycle when there is one", () => {
    const cyclic = new Map([
      ["a", new Map([["b", "a/x.ts"]])],
      ["b", new Map([["a", "b/y.ts"]])],
    ]);
    expect(findCycle(cyclic)).toEqual(["a", "b", "a"]);
  });
});
