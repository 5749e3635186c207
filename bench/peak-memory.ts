/**
 * Peak memory of one Monte Carlo run, measured in a process of its own (bench/run.ts starts it):
 * `tsx bench/peak-memory.ts <draws>` loads the Nacka package, runs `draws` draws of the bench's
 * scenario on one thread and its summary, and prints JSON with the resident set before the run and
 * the process's peak (`process.resourceUsage().maxRSS`), in MB.
 *
 * Every outcome is kept per draw (quantiles need the values): the columns take
 * draws × (series × years + 4 × years + 5) doubles and the parameter draws draws × uncertain
 * parameters doubles, so memory grows linearly with draws, by a known amount (model/README.md).
 */
import { loadPackageFolder } from "../io/read-package-folder.ts";
import { monteCarlo, summariseMonteCarlo } from "../model/monte-carlo.ts";
import { compilePlan } from "../model/plan.ts";

const draws = Number(process.argv[2] ?? 100_000);
const pkg = await loadPackageFolder("data/nacka");
const compiled = compilePlan(pkg, pkg.scenarios["vaxa-utan-att-vaxa"]!);
if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("; "));
const plan = compiled.plan;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const beforeMB = mb(process.memoryUsage().rss);
const result = monteCarlo(plan, { draws, seed: 42 });
summariseMonteCarlo(result);
const S = plan.processIds.length + 1;
const Y = plan.yearCount;
const columnsMB = mb(8 * draws * (S * Y + 3 * Y + 5 + plan.parameters.uncertain.length));
process.stdout.write(`${JSON.stringify({ draws, beforeMB, peakMB: mb(process.resourceUsage().maxRSS * 1024), columnsMB })}\n`);
