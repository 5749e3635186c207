/**
 * The working scenario and its overlay (web/working.ts): pure functions over plain data. The
 * defaults below are made up for the test; every expected value is read off them by hand.
 */
import { describe, expect, it } from "vitest";
import type { ParameterInfo } from "../../web/live-model.ts";
import type { VersionInfo } from "../../web/api.ts";
import {
  assumptionsOf,
  differsFromDefault,
  isActivePath,
  isDirty,
  leverOfPath,
  newWorking,
  type Overlay,
  overlayChanges,
  overlayOf,
  rebase,
  structureChanged,
  valueOf,
  withDriverSet,
  withLever,
  withName,
  withoutValue,
  withValue,
  workingFrom,
} from "../../web/working.ts";

const info = (path: string, value: number): [string, ParameterInfo] => [path, { path, default: value, min: 0, max: 10 }];
const DEFAULTS = new Map([
  info("growthMultiplier", 1),
  info("levers.intensity", 1),
  info("levers.robot.efficiency", 0.4),
  info("levers.robot.reach.cases.handling", 0.5),
  info("levers.chat.efficiency", 0.3),
]);

const VERSION: VersionInfo = {
  scenarioId: "plan",
  number: 2,
  versionId: "0123456789ab",
  hash: "0123456789ab".padEnd(64, "0"),
  packageHash: "p",
  parentVersionId: null,
  parentNumber: null,
  author: "test",
  comment: null,
  createdAt: "2026-01-01T00:00:00Z",
};

/** Saved assumptions: robot on (efficiency set to its default explicitly), chat off with a kept value. */
const SAVED = Object.freeze({
  name: { sv: "Plan", en: "Plan" },
  description: { sv: "", en: "" },
  growthMultiplier: 1.5,
  driverGrowthRates: { residents: 0.01 },
  levers: ["robot"],
  set: { "levers.robot.efficiency": 0.4, "levers.chat.efficiency": 0.6 },
  uncertainty: { "levers.chat.efficiency": { type: "uniform" as const, min: 0.2, max: 0.8 }, growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } },
});

describe("the overlay of saved assumptions", () => {
  it("holds the growth multiplier among the values and the levers sorted", () => {
    const o = overlayOf({ ...SAVED, levers: ["robot", "chat"] });
    expect(o.values).toEqual({ growthMultiplier: 1.5, "levers.robot.efficiency": 0.4, "levers.chat.efficiency": 0.6 });
    expect(o.levers).toEqual(["chat", "robot"]);
  });

  it("gives back the saved assumptions, so a freshly loaded version is not dirty", () => {
    const clean = { ...SAVED, set: { "levers.robot.efficiency": 0.4 }, uncertainty: { growthMultiplier: SAVED.uncertainty.growthMultiplier } };
    const w = workingFrom(clean, "plan", VERSION);
    expect(assumptionsOf(w, DEFAULTS)).toEqual(clean);
    expect(isDirty(w, DEFAULTS)).toBe(false);
  });

  it("leaves an inactive lever's values and distributions out of the assumptions", () => {
    const w = workingFrom(SAVED, "plan", VERSION);
    expect(assumptionsOf(w, DEFAULTS)).toEqual({
      ...SAVED,
      set: { "levers.robot.efficiency": 0.4 },
      uncertainty: { growthMultiplier: SAVED.uncertainty.growthMultiplier },
    });
  });
});

describe("changing the overlay", () => {
  const w = workingFrom(SAVED, "plan", VERSION);

  it("moves a distribution with the value chosen beside it, keeping its shape (model/recentre.ts)", () => {
    // growth multiplier 1.5 = the median (1 + 2) / 2 of uniform 1–2; robot's efficiency 0.4 = the median of uniform 0.2–0.6
    const robot = { type: "uniform" as const, min: 0.2, max: 0.6 };
    const o: Overlay = { ...w.overlay, uncertainty: { ...w.overlay.uncertainty, "levers.robot.efficiency": robot } };
    const uncertainty = (overlay: Overlay) => assumptionsOf({ ...w, overlay }, DEFAULTS).uncertainty;
    expect(uncertainty(o)).toEqual({ growthMultiplier: { type: "uniform", min: 1, max: 2 }, "levers.robot.efficiency": robot });
    // 1.8 is 0.3 above the median 1.5: uniform 1.3–2.3 (hand-computed)
    const growth = uncertainty(withValue(o, "growthMultiplier", 1.8)).growthMultiplier!;
    expect(growth.type === "uniform" && [growth.min, growth.max]).toEqual([expect.closeTo(1.3, 12), expect.closeTo(2.3, 12)]);
    // 0.5 is 0.1 above the median 0.4: uniform 0.3–0.7
    const moved = uncertainty(withValue(o, "levers.robot.efficiency", 0.5))["levers.robot.efficiency"]!;
    expect(moved.type === "uniform" && [moved.min, moved.max]).toEqual([expect.closeTo(0.3, 12), expect.closeTo(0.7, 12)]);
  });

  it("moves the package's distribution of a lever parameter when the planner sets it", () => {
    const defaults = new Map(DEFAULTS);
    defaults.set("levers.robot.efficiency", { path: "levers.robot.efficiency", default: 0.4, min: 0, max: 1, distribution: { type: "triangular", min: 0.2, mode: 0.4, max: 0.6 } });
    // triangular 0.2–0.4–0.6 has its median at the mode 0.4; at 0.9 the upper end would pass 1: k = (1 − 0.9)/0.2 = 0.5 → 0.8–0.9–1
    const a = assumptionsOf({ ...w, overlay: withValue(w.overlay, "levers.robot.efficiency", 0.9) }, defaults);
    const d = a.uncertainty["levers.robot.efficiency"]!;
    expect(d.type === "triangular" && [d.min, d.mode, d.max]).toEqual([expect.closeTo(0.8, 12), expect.closeTo(0.9, 12), expect.closeTo(1, 12)]);
    // at its median nothing is added: the server applies the package's own distribution
    expect(assumptionsOf(w, defaults).uncertainty["levers.robot.efficiency"]).toBeUndefined();
  });

  it("returns a new overlay and leaves the old one as it was", () => {
    const before = JSON.stringify(w.overlay);
    const changed = withValue(w.overlay, "levers.intensity", 0.5);
    expect(changed).not.toBe(w.overlay);
    expect(changed.values["levers.intensity"]).toBe(0.5);
    expect(JSON.stringify(w.overlay)).toBe(before);
  });

  it("writes a value that differs from the default into set, and leaves out one equal to it that was not set before", () => {
    const o = withValue(withValue(w.overlay, "levers.intensity", 1), "levers.robot.reach.cases.handling", 0.7);
    expect(assumptionsOf({ ...w, overlay: o }, DEFAULTS).set).toEqual({ "levers.robot.efficiency": 0.4, "levers.robot.reach.cases.handling": 0.7 });
    expect(isDirty({ ...w, overlay: o }, DEFAULTS)).toBe(true);
  });

  it("answers for the working scenario and the package's defaults asked with, each time (the answer is kept per working scenario)", () => {
    const clean = workingFrom({ ...SAVED, set: { "levers.robot.efficiency": 0.4 }, uncertainty: { growthMultiplier: SAVED.uncertainty.growthMultiplier } }, "plan", VERSION);
    const changed = { ...clean, overlay: withValue(clean.overlay, "levers.intensity", 0.5) };
    // a package whose default intensity is the value chosen: nothing changed against it
    const halfIntensity = new Map([...DEFAULTS, info("levers.intensity", 0.5)]);
    expect([isDirty(changed, DEFAULTS), isDirty(changed, halfIntensity), isDirty(changed, DEFAULTS), isDirty(clean, DEFAULTS)]).toEqual([true, false, true, false]);
  });

  it("keeps an inactive lever's values and brings them back when it is switched on", () => {
    const on = withLever(w.overlay, "chat", true);
    expect(on.levers).toEqual(["chat", "robot"]);
    expect(assumptionsOf({ ...w, overlay: on }, DEFAULTS).set).toEqual({ "levers.chat.efficiency": 0.6, "levers.robot.efficiency": 0.4 });
    expect(assumptionsOf({ ...w, overlay: withLever(on, "chat", false) }, DEFAULTS)).toEqual(assumptionsOf(w, DEFAULTS));
  });

  it("names the scenario in both languages when the name is new, in one when only that one changes back", () => {
    expect(withName(w.overlay, "sv", "Ny plan").name).toEqual({ sv: "Ny plan", en: "Ny plan" });
    const english = { ...w.overlay, name: { sv: "Plan", en: "Plan B" } };
    expect(withName(english, "sv", "Plan").name).toEqual({ sv: "Plan", en: "Plan B" });
    expect(withName({ ...w.overlay, name: { sv: "Plan", en: "" } }, "sv", "Plan").name).toEqual({ sv: "Plan", en: "Plan" });
  });

  it("tells a change of structure (levers, driver growth rates, driver set) from a change of values", () => {
    expect(structureChanged(w.overlay, withValue(w.overlay, "levers.intensity", 2))).toBe(false);
    expect(structureChanged(w.overlay, withLever(w.overlay, "chat", true))).toBe(true);
    expect(structureChanged(w.overlay, { ...w.overlay, driverGrowthRates: { residents: 0.02 } })).toBe(true);
    expect(structureChanged(w.overlay, withDriverSet(w.overlay, "scb"))).toBe(true);
  });

  it("keeps the driver set a scenario picks, and leaves it out of the assumptions when none is picked", () => {
    expect(w.overlay.driverSet).toBeNull();
    expect(assumptionsOf(w, DEFAULTS)).not.toHaveProperty("driverSet");
    const picked = { ...w, overlay: withDriverSet(w.overlay, "scb") };
    expect(assumptionsOf(picked, DEFAULTS).driverSet).toBe("scb");
    expect(overlayOf(assumptionsOf(picked, DEFAULTS)).driverSet).toBe("scb");
    expect(isDirty(picked, DEFAULTS)).toBe(true);
  });
});

describe("paths and values", () => {
  const o = overlayOf(SAVED);

  it("reads a lever's id from its parameter paths only", () => {
    expect(leverOfPath("levers.e_services.efficiency")).toBe("e_services");
    expect(leverOfPath("growthMultiplier")).toBeNull();
    expect(leverOfPath("drivers.residents.growthMultiplier")).toBeNull();
  });

  it("counts the settings of all levers and of active levers as active, not an inactive lever's", () => {
    expect(isActivePath(o, "levers.intensity")).toBe(true);
    expect(isActivePath(o, "levers.midpointShift")).toBe(true);
    expect(isActivePath(o, "levers.robot.efficiency")).toBe(true);
    expect(isActivePath(o, "levers.chat.efficiency")).toBe(false);
    expect(isActivePath(o, "costPerFte")).toBe(true);
  });

  it("reads a value from the overlay, else the package's default, else NaN", () => {
    expect(valueOf(o, DEFAULTS, "growthMultiplier")).toBe(1.5);
    expect(valueOf(o, DEFAULTS, "levers.robot.reach.cases.handling")).toBe(0.5);
    expect(valueOf(o, DEFAULTS, "levers.nothing.efficiency")).toBeNaN();
  });

  it("marks a value as changed only when it differs from a default by more than rounding", () => {
    expect(differsFromDefault(DEFAULTS, "levers.robot.efficiency", 0.4 + 1e-13)).toBe(false);
    expect(differsFromDefault(DEFAULTS, "levers.robot.efficiency", 0.41)).toBe(true);
    expect(differsFromDefault(DEFAULTS, "no.such.path", 1)).toBe(false);
  });
});

describe("a new working scenario", () => {
  it("has no levers, growth 1, nothing saved, and is always dirty", () => {
    const w = newWorking();
    expect(w.scenarioId).toBeNull();
    expect(w.overlay.levers).toEqual([]);
    expect(w.overlay.values).toEqual({ growthMultiplier: 1 });
    expect(isDirty(w, DEFAULTS)).toBe(true);
  });
});

describe("a save that met a newer version: the planner's changes made again on it", () => {
  const base = overlayOf(SAVED);
  it("keeps their changes and adds the planner's, lists what differs from theirs", () => {
    // theirs: chat switched on, intensity 0.8; mine: growth 1.8, robot's efficiency 0.5
    const theirs: Overlay = { ...withLever(base, "chat", true), values: { ...base.values, "levers.intensity": 0.8 } };
    const mine = withValue(withValue(base, "growthMultiplier", 1.8), "levers.robot.efficiency", 0.5);
    const merged = rebase(base, mine, theirs);
    expect(merged.levers).toEqual(["chat", "robot"]);
    expect(merged.values).toEqual({ ...base.values, "levers.intensity": 0.8, growthMultiplier: 1.8, "levers.robot.efficiency": 0.5 });
    expect(overlayChanges(theirs, merged).map((c) => [c.field, c.before, c.after])).toEqual([
      ["values.growthMultiplier", 1.5, 1.8],
      ["values.levers.robot.efficiency", 0.4, 0.5],
    ]);
  });

  it("removes what the planner removed, and changes nothing when the planner changed nothing", () => {
    const theirs = withValue(base, "levers.intensity", 0.8);
    const mine = withLever(withoutValue(base, "levers.chat.efficiency"), "robot", false);
    const merged = rebase(base, mine, theirs);
    expect(merged.levers).toEqual([]);
    expect("levers.chat.efficiency" in merged.values).toBe(false);
    expect(merged.values["levers.intensity"]).toBe(0.8);
    expect(rebase(base, base, theirs)).toEqual(theirs);
  });
});
