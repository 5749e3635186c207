/// <reference types="vite/client" />
/**
 * The Nacka data package for the notebooks: the package's file texts, bundled at build time from
 * `data/nacka/` (Vite's `import.meta.glob` with `?raw`), and parsed in the browser by the model's
 * own pure parser. Only Vite (the notebook build, vitest) understands `import.meta.glob`; code run
 * by plain Node reads the folder with `io/read-package-folder.ts` and uses `runs.ts` directly.
 *
 * Because the texts are bundled, a notebook built today shows today's `data/nacka/`: rebuild
 * (`npm run notebooks`) after changing the package.
 */
import type { DataPackage } from "../model/data-package.ts";
import { parsePackage } from "./runs.ts";

const texts = import.meta.glob(
  ["../data/nacka/*.json", "../data/nacka/*.csv", "../data/nacka/scenarios/*.json", "../data/nacka/population/*.json", "../data/nacka/population/*.csv", "../data/nacka/driver-sets/*.csv"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
) as Record<string, string>;

/** The Nacka package's files: path relative to `data/nacka/` → text, as `parseDataPackage` takes them. */
export const nackaFiles: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries(texts)
      .map(([path, text]): [string, string] => [path.replace(/^\.\.\/data\/nacka\//, ""), text])
      .sort(([a], [b]) => a.localeCompare(b)),
  ),
);

/** Parses the Nacka package; throws with every problem (file, line, field) if it is invalid. */
export function loadNacka(): DataPackage {
  return parsePackage(nackaFiles, "data/nacka");
}
