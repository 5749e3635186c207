// Entry of the server's Monte Carlo worker thread (see monte-carlo.ts). Node 20 does not apply the
// `--import tsx` loader to a worker's own entry file, so this plain module loads the TypeScript
// worker through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./monte-carlo-worker.ts", import.meta.url);
