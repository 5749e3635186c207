/**
 * `npm run bench -- --readme`: README's speed table, regenerated from bench/results.json (the
 * figures of the last `npm run bench`), never typed by hand. It replaces the lines between
 * `<!-- speed:start -->` and `<!-- speed:end -->`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { callsText } from "./floor.ts";

const START = "<!-- speed:start -->";
const END = "<!-- speed:end -->";

/* eslint-disable @typescript-eslint/no-explicit-any -- results.json is read as it was written by bench/run.ts */
type Results = any;

const ms = (v: number, digits = 0) => `${v.toFixed(digits)} ms`;
const met = (ok: boolean | null | undefined) => (ok === true ? "met" : ok === false ? "**missed**" : "not measured");

/**
 * The floor under the draws (bench/floor.ts): their exp and log calls alone and the cohort
 * projection alone, with sampling, against the target of the whole run.
 */
function floorRow(floor: Results, samplingMs: number, targetMs: number): [string, string, string] {
  const calls = floor.callsPerDraw.plan;
  const projection = floor.cohortProjectionMs ?? 0;
  const sum = floor.transcendentalsMs + projection + samplingMs;
  return [
    `  the floor: the draws' exp and log alone${floor.cohortProjectionMs === null ? "" : ", then the cohort projection alone"}, each in pairs with the draws`,
    `${ms(floor.transcendentalsMs)} for ${callsText(calls)} a draw (CPU ${ms(floor.transcendentalsCpuMs)}; fastest ${ms(floor.transcendentalsBestMs)}; the draws ${floor.drawsToFloorRatio.toFixed(2)}× it, median of ${floor.pairs} pairs)` +
      (floor.cohortProjectionMs === null ? "" : `; the projection ${ms(projection)} (CPU ${ms(floor.cohortProjectionCpuMs)}; fastest ${ms(floor.cohortProjectionBestMs)})`),
    `with sampling ${ms(sum)} before any other arithmetic: ${sum > targetMs ? "above" : "within"} ≤ ${targetMs} ms`,
  ];
}

/** The table's lines for a results.json. */
export function speedTable(r: Results): string[] {
  const mc = r.monteCarlo;
  const single = mc.singleThread;
  const peer = mc.numpyPeer;
  const rows: [string, string, string][] = [
    [
      "one deterministic forecast of the Nacka package (rows, IRR)",
      `${ms(r.deterministicForecast.forecastMs, 3)} (the kernel alone ${(r.deterministicForecast.kernelMs * 1000).toFixed(1)} µs)`,
      `≤ ${r.targets.forecastMs} ms: ${met(r.deterministicForecast.meetsTarget)}`,
    ],
    [
      `Monte Carlo, ${mc.draws.toLocaleString("en")} draws, one thread, with sampling`,
      `${ms(single.ms)} (CPU ${ms(single.cpuMs)}; fastest of ${single.runs} runs ${ms(single.bestMs)}; sampling ${ms(single.samplingMs)})`,
      `≤ ${r.targets.singleThreadMs} ms: ${met(single.meetsTarget)}`,
    ],
    ["  of which the draws (model run and copy)", `${single.perDrawMicroseconds.toFixed(1)} µs CPU a draw`, ""],
    ...(mc.floor ? [floorRow(mc.floor, single.samplingMs, r.targets.singleThreadMs)] : []),
    ...(mc.withoutPopulation
      ? [[
          "  the same without the package's population (no cohort projection in the draws)",
          `${ms(mc.withoutPopulation.ms)} (CPU ${ms(mc.withoutPopulation.cpuMs)}; fastest ${ms(mc.withoutPopulation.bestMs)}; ${mc.withoutPopulation.uncertainParameters} uncertain assumptions)`,
          `≤ ${r.targets.singleThreadMs} ms: ${met(mc.withoutPopulation.meetsTarget)}`,
        ] as [string, string, string]]
      : []),
    ...(mc.peakMemory
      ? [[
          `Monte Carlo, ${mc.peakMemory.draws.toLocaleString("en")} draws and summary, peak memory of the process`,
          `${mc.peakMemory.peakMB.toFixed(0)} MB (${mc.peakMemory.beforeMB.toFixed(0)} MB before the run; the draws' columns ${mc.peakMemory.columnsMB.toFixed(0)} MB)`,
          "bounded: linear in draws",
        ] as [string, string, string]]
      : []),
    [
      "numpy peer, same model and number of draws",
      peer?.skipped
        ? `not run: ${peer.reason}`
        : `${ms(peer.ms)} against Vaxa's ${ms(peer.vaxaMs)} in the same ${peer.pairs} alternating pairs: Vaxa ${peer.ratio.toFixed(2)}× faster (median of the pairs' ratios)`,
      `≥ ${r.targets.peerRatio}×: ${met(peer?.meetsTarget)}`,
    ],
    ["summary of 10,000 draws (P10/P50/P90, probabilities)", `${ms(single.summaryMs)} (CPU ${ms(single.summaryCpuMs)}; fastest ${ms(single.summaryBestMs)})`, `≤ ${r.targets.summaryMs} ms: ${met(single.summaryMeetsTarget)}`],
    [
      `${r.largePackage.copies}× Nacka's activities (${r.largePackage.activities}), horizon ${r.largePackage.horizon}`,
      `${r.largePackage.perDrawMicroseconds.toFixed(0)} µs CPU a draw (Nacka ${r.largePackage.nackaPerDrawMicroseconds.toFixed(0)} µs)`,
      `${r.largePackage.perActivityYearRatio.toFixed(2)}× Nacka's time per activity-year (1 = linear)`,
    ],
    ["`npm run forecast` as a whole process", ms(r.forecastProcess.ms), `≤ ${r.targets.forecastProcessMs} ms: ${met(r.forecastProcess.meetsTarget)}`],
    [
      "Arrow versus JSON rows, 10,000-draw result",
      `${(r.arrowVersusJson.arrowBytes / 1e6).toFixed(1)} MB in ${ms(r.arrowVersusJson.arrowMs)} against ${(r.arrowVersusJson.jsonBytes / 1e6).toFixed(0)} MB in ${ms(r.arrowVersusJson.jsonMs)}`,
      `${r.targets.arrowSmallerX}× smaller and faster: ${met(r.arrowVersusJson.meetsTarget)}`,
    ],
  ];
  const server = r.server ?? {};
  if (typeof server.forecastToHealthRatio === "number") {
    rows.push(
      ["server, `POST /api/forecast` against `/api/health`", `${server.forecast.requestsPerSecond} against ${server.health.requestsPerSecond} requests/s (${server.forecastToHealthRatio})`, ""],
      ["server, new assumptions on every request", `${server.forecastUncached.requestsPerSecond} requests/s (${server.uncachedToHealthRatio} of /api/health), p99 ${server.forecastUncached.latencyMs.p99} ms`, `≥ 2,000 requests/s: ${met(server.targets?.uncachedMet)}`],
    );
  }
  const first = r.browser?.firstLoad;
  if (first) {
    rows.push([
      "browser, first load of the planner at 10 Mbit/s with 40 ms round trip (empty cache)",
      first.liveChartMs === undefined
        ? `first chart after ${first.firstChartMs} ms; ${(first.transferredBytes / 1000).toFixed(0)} kB transferred`
        : `first chart after ${first.firstChartMs} ms (rendered by the server), the app's live chart after ${first.liveChartMs} ms; ${(first.transferredBytes / 1000).toFixed(0)} kB transferred until the live chart (${(first.bytesUntilQuiet! / 1000).toFixed(0)} kB until the network is quiet, the worker's script not counted)`,
      `≤ ${first.targetFirstChartMs} ms: ${met(first.firstChartMet)}; ≤ ${first.targetBytes / 1000} kB: ${met(first.bytesMet)}`,
    ]);
  }
  if (server.healthDuringMonteCarlo) {
    rows.push([
      "server, `/api/health` while Monte Carlo runs",
      `p99 ${server.healthDuringMonteCarlo.latencyMs.p99} ms; \`POST /api/forecast\` p99 ${server.forecast.latencyMs.p99} ms`,
      `< 20 ms: ${met(server.targets?.healthUnderMonteCarloMet)}; < 25 ms: ${met(server.targets?.p99Met)}`,
    ]);
  }
  return [
    `Measured ${r.measuredAt.slice(0, 10)} on ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, load average ${r.machine.loadAverageBefore.join(" ")} before the run: wall-clock medians, CPU time beside them where other processes stretch the wall clock.`,
    "",
    "| measure | measured | target |",
    "|---|---|---|",
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
  ];
}

/** Rewrites README.md's speed table from bench/results.json. */
export async function writeReadmeTable(): Promise<void> {
  const results = JSON.parse(await readFile(new URL("./results.json", import.meta.url), "utf8")) as Results;
  const readmeUrl = new URL("../README.md", import.meta.url);
  const readme = await readFile(readmeUrl, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} region`);
  const table = speedTable(results).join("\n");
  await writeFile(readmeUrl, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
  process.stderr.write("README.md's speed table rewritten from bench/results.json.\n");
}
