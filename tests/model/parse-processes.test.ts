import { describe, expect, it } from "vitest";
import { parseDataPackage } from "../../model/parse-package.ts";
import { BASELINE, errorsOf, lineOf, onlyError, PROCESSES, parsed, validFiles, withEdit } from "./package-files.ts";
import { smallPackage } from "./small-package.ts";

describe("parseDataPackage: processes.json", () => {
  const text = PROCESSES;

  it("reports a duplicate process id", () => {
    const files = withEdit("processes.json", '"id": "support"', '"id": "permits"');
    const errors = errorsOf(files);
    expect(errors).toContainEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "support"'),
      field: "processes[1].id",
      message: 'process id "permits" is used twice (also processes[0]): expected unique ids',
    });
  });

  it("reports an unknown driver, listing the valid ones", () => {
    expect(onlyError(withEdit("processes.json", '"drivers": { "residents": 1 }', '"drivers": { "resident": 1 }'))).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "residents": 1 }'),
      field: "processes[0].activities[0].drivers.resident",
      message: 'unknown driver "resident": expected one of the drivers in drivers.csv (residents, businesses)',
    });
  });

  it("reports supported_fte in a process that is not a support process", () => {
    expect(onlyError(withEdit("processes.json", '"drivers": { "residents": 1 }', '"drivers": { "supported_fte": 1 }'))).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "residents": 1 }'),
      field: "processes[0].activities[0].drivers.supported_fte",
      message: '"supported_fte" is only for support processes: expected permits to have "supports" ("all" or a list of process ids), or another driver',
    });
  });

  it("reports a driver an activity uses that is 0 in the base year", () => {
    const files = withEdit("drivers.csv", "2024,businesses,200,actual", "2024,businesses,0,actual");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "businesses": 0.5, "residents": 0.5 }'),
      field: "processes[0].activities[1].drivers.businesses",
      message:
        "driver businesses is 0 in the base year 2024 (drivers.csv line 7): a driver an activity uses must be positive in the base year, since growth is measured against it",
    });
  });

  it("reports a process that mixes bottom-up and share activities", () => {
    const files = withEdit("processes.json", '"volume": 200,\n          "unitTimeHours": 3,', '"share": 0.5,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"individualAllowanceFte": 1,') + 1,
      field: "processes[0].activities",
      message:
        "permits mixes bottom-up activities (cases) and share activities (inspections): expected every activity to have volume and unitTimeHours, or every activity a share",
    });
  });

  it("reports an activity with only half of a bottom-up workload", () => {
    const files = withEdit("processes.json", '"volume": 200,\n', "");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "inspections"') - 1,
      field: "processes[0].activities[1].volume",
      message: '"volume" is missing: a bottom-up activity needs both volume and unitTimeHours',
    });
  });

  it("reports shares that do not sum to 1", () => {
    const files = withEdit("processes.json", '"share": 0.25,', '"share": 0.2,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"share": 0.75,') - 4,
      field: "processes[1].activities",
      message: "the activities' shares of support sum to 0.95: expected them to sum to 1",
    });
  });

  it("accepts shares that sum to 1 within 1e-6", () => {
    const files = withEdit("processes.json", '"share": 0.25,', '"share": 0.2500005,');
    expect(parseDataPackage(files).ok).toBe(true);
  });

  it("reports fixedShare outside [0, 0.99] and supportShare outside [0, 0.9], quoting the value", () => {
    const files = withEdit("processes.json", '"fixedShare": 0.2,', '"fixedShare": 1,');
    files["processes.json"] = (files["processes.json"] ?? "").replace('"supportShare": 0,', '"supportShare": -0.1,');
    expect(errorsOf(files)).toEqual([
      {
        file: "processes.json",
        line: lineOf(text, '"fixedShare": 0.2,'),
        field: "processes[0].fixedShare",
        message: "expected a share of fixed work from 0 to 0.99 (share), found 1",
      },
      {
        file: "processes.json",
        line: lineOf(text, '"supportShare": 0,'),
        field: "processes[1].supportShare",
        message: "expected a share of support work from 0 to 0.9 (share), found -0.1",
      },
    ]);
  });

  it("reports fixed work and individual allowances exceeding the base-year actual", () => {
    const files = withEdit("processes.json", '"individualAllowanceFte": 1,', '"individualAllowanceFte": 10.5,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"individualAllowanceFte": 1,'),
      field: "processes[0].individualAllowanceFte",
      // 0.2 × 12.5 + 10.5 = 13 > 12.5
      message:
        "fixedShare 0.2 × the base-year FTE 12.5 + individualAllowanceFte 10.5 = 13 exceeds the actual FTE 12.5 in 2024 (headcount.csv line 3): expected fixed work and individual allowances to fit within the actual",
    });
  });

  it("reports a process without headcount", () => {
    const files = withEdit("headcount.csv", "2023,support,4\n2024,support,4.5\n", "");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "support"'),
      field: "processes[1].id",
      message: "process support has no rows in headcount.csv: expected its actual FTE for the history years",
    });
  });

  it("reports supports naming an unknown process or the process itself", () => {
    const files = withEdit("processes.json", '"supports": "all"', '"supports": ["permits", "support", "licences"]');
    expect(errorsOf(files)).toEqual([
      {
        file: "processes.json",
        line: lineOf(text, '"supports": "all"'),
        field: "processes[1].supports[1]",
        message: "support cannot support itself: expected the ids of other processes",
      },
      {
        file: "processes.json",
        line: lineOf(text, '"supports": "all"'),
        field: "processes[1].supports[2]",
        message: 'unknown process "licences": expected one of permits',
      },
    ]);
  });

  it("reports two processes that support each other, both with supports: all", () => {
    const files = withEdit("processes.json", '"id": "permits",', '"id": "permits",\n      "supports": "all",');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(files["processes.json"], '"supports": "all",\n      "name": { "sv": "Bygglov"'),
      field: "processes[0].supports",
      message:
        "support processes form a cycle: permits → support → permits; expected a support process not to support, directly or through others, a process that supports it",
    });
  });

  it("reports a longer support cycle once", () => {
    const files = validFiles();
    const process = (id: string, supports: string) =>
      `{ "id": "${id}", "name": { "sv": "${id}", "en": "${id}" }, "supports": ["${supports}"], "fixedShare": 0, "supportShare": 0, "individualAllowanceFte": 0,
        "activities": [{ "id": "work", "name": { "sv": "a", "en": "a" }, "share": 1, "drivers": { "supported_fte": 1 } }] }`;
    files["processes.json"] = `{ "processes": [\n${process("it", "hr")},\n${process("hr", "finance")},\n${process("finance", "it")}\n] }`;
    files["headcount.csv"] = "year,process,fte\n2024,it,3\n2024,hr,2\n2024,finance,1\n";
    files["levers.json"] = '{ "levers": [] }';
    files["scenarios/grow-fast.json"] = BASELINE;
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: 2,
      field: "processes[0].supports",
      message:
        "support processes form a cycle: it → hr → finance → it; expected a support process not to support, directly or through others, a process that supports it",
    });
  });

  it("reports an unknown field in an activity, with its path", () => {
    const files = withEdit("processes.json", '"unitTimeHours": 6,', '"unitTimeHours": 6,\n          "unitTime": 6,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"unitTimeHours": 6,') + 1,
      field: "processes[0].activities[0].unitTime",
      message: 'unknown field "unitTime": expected only the fields id, name, volume, unitTimeHours, share, drivers',
    });
  });
});

/** The test package with the process "cases" given extra fields. */
function withProcessFields(fields: Record<string, unknown>) {
  const files = smallPackage();
  const doc = JSON.parse(files["processes.json"]!);
  Object.assign(doc.processes[0], fields);
  return { ...files, "processes.json": JSON.stringify(doc, null, 2) };
}

describe("processes.json: drift and fixed work that follows a driver", () => {
  it("defaults to no drift and constant fixed work", () => {
    const cases = parsed(smallPackage()).processes[0]!;
    expect(cases.drift).toBe(0);
    expect(cases.fixedDrivers).toEqual({});
  });

  it("reads a drift and the fixed work's drivers", () => {
    const cases = parsed(withProcessFields({ drift: 0.01, fixedDrivers: { residents: 0.5 } })).processes[0]!;
    expect(cases.drift).toBe(0.01);
    expect(cases.fixedDrivers).toEqual({ residents: 0.5 });
  });

  it("refuses a drift outside ±0.5 and an unknown driver of fixed work", () => {
    const errors = errorsOf(withProcessFields({ drift: 0.8, fixedDrivers: { inhabitants: 1, supported_fte: 1 } }));
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["processes[0].drift", "expected a yearly relative change (e.g. 0.01 for +1 % a year) from −0.5 to 0.5 (per year), found 0.8"],
    ]);
    const references = errorsOf(withProcessFields({ fixedDrivers: { inhabitants: 1, supported_fte: 1 } }));
    expect(references.map((e) => [e.field, e.message])).toEqual([
      ["processes[0].fixedDrivers.inhabitants", 'unknown driver "inhabitants": expected one of the drivers in drivers.csv (residents, dwellings)'],
      [
        "processes[0].fixedDrivers.supported_fte",
        '"supported_fte" is only for support processes: expected cases to have "supports" ("all" or a list of process ids), or another driver',
      ],
    ]);
  });
});
