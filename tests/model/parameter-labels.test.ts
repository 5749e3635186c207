/**
 * Parameter paths in words (model/parameter-labels.ts), on the small package with one process
 * "cases" (Ärenden), its activity "handling" (Handläggning), and drivers residents and dwellings;
 * every expected label is written by hand from the registries' labels.
 */
import { describe, expect, it } from "vitest";
import { driverName, parameterLabel, parameterSpec, unitBesideName } from "../../model/parameter-labels.ts";
import { PACKAGE_PARAMETERS } from "../../model/bounds.ts";
import { parsed } from "./package-files.ts";
import { smallPackage } from "./small-package.ts";

const named = parsed(
  smallPackage({ "drivers.json": JSON.stringify({ drivers: { residents: { name: { sv: "Invånare", en: "Residents" } } } }) }),
);

describe("driver names", () => {
  it("come from drivers.json, and are the id where it gives none", () => {
    expect(driverName(named, "residents", "sv")).toBe("Invånare");
    expect(driverName(named, "residents", "en")).toBe("Residents");
    expect(driverName(named, "dwellings", "sv")).toBe("dwellings");
  });
});

describe("a driver's unit beside its name", () => {
  it("is left out where the name begins with it, in any case, and kept where it says more", () => {
    expect(unitBesideName("Invånare", "invånare")).toBeUndefined();
    expect(unitBesideName("Invånare 80 år och äldre", "invånare")).toBeUndefined();
    expect(unitBesideName("Företag", "företag")).toBeUndefined();
    expect(unitBesideName("Färdigställda bostäder", "bostäder per år")).toBe("bostäder per år");
    expect(unitBesideName("Residents aged 0–5", "residents")).toBeUndefined();
    expect(unitBesideName("Invånare", undefined)).toBeUndefined();
    expect(unitBesideName("Invånare", "")).toBeUndefined();
  });
});

describe("parameter labels", () => {
  it("name a driver's growth multiplier and an elasticity by the driver's name", () => {
    expect(parameterLabel(named, "drivers.residents.growthMultiplier", "sv")).toBe("Invånare: tillväxtmultiplikator");
    expect(parameterLabel(named, "processes.cases.activities.handling.elasticity.residents", "sv")).toBe("Handläggning: elasticitet mot invånare");
  });

  it("name a process's drift and its fixed work's elasticity", () => {
    expect(parameterLabel(named, "processes.cases.drift", "sv")).toBe("Ärenden: standardförändring per år");
    expect(parameterLabel(named, "processes.cases.drift", "en")).toBe("Cases: drift per year");
    expect(parameterLabel(named, "processes.cases.fixed.elasticity.residents", "sv")).toBe("Fast arbete (Ärenden): elasticitet mot invånare");
  });

  it("find the registry entry of a drift and a fixed-work elasticity, for their units and bounds", () => {
    expect(parameterSpec("processes.cases.drift")).toBe(PACKAGE_PARAMETERS.drift);
    expect(parameterSpec("processes.cases.fixed.elasticity.residents")).toBe(PACKAGE_PARAMETERS.fixedElasticity);
    expect(PACKAGE_PARAMETERS.drift.bounds).toEqual([-0.5, 0.5]);
  });
});
