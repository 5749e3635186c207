/**
 * Uploading, listing and downloading data packages (server/routes/packages.ts), and choosing a
 * stored package for a scenario version: roles, the size limit, the parser's findings with file,
 * line and field, a second municipality's package written the Swedish spreadsheet way
 * (Windows-1252, semicolons, decimal commas), and the ZIP and XLSX downloads read back.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { modelFiles, packageHash } from "../../../io/content-hash.ts";
import { readPackageArchive } from "../../../io/package-archive.ts";
import { nackaFiles, renamed, secondMunicipality, swedishCsv, withHeadcountError, zipOf } from "../../io/package-uploads.ts";
import { assumptions, binary, testServer } from "../helpers.ts";

const upload = (app: Parameters<typeof request>[0], body: Buffer, headers: Record<string, string>) =>
  request(app).post("/api/packages").set(headers).set("Content-Type", "application/zip").send(body);

describe("POST /api/packages", () => {
  it("lets only planner and admin tokens upload", async () => {
    const { app, auth } = await testServer();
    const body = zipOf(await renamed("Rolltest kommun"));
    const none = await upload(app, body, {}).expect(401);
    expect(none.body.error).toBe("uploading a data package needs a planner or admin token: send the header Authorization: Bearer <token>");
    const viewer = await upload(app, body, auth("viewer")).expect(403);
    expect(viewer.body.error).toBe("uploading a data package needs a planner or admin token; your token (Vera Viewer) has the role viewer");
    await upload(app, body, auth("planner")).expect(201);
    const again = await upload(app, body, auth("admin")).expect(200);
    expect(again.body.created).toBe(false);
  });

  it("refuses a file past the upload limit with 413 and a message saying the limit", async () => {
    const { app, auth } = await testServer({ maxUploadBytes: 4096 });
    const res = await upload(app, Buffer.alloc(5000, 1), auth("planner")).expect(413);
    expect(res.body.error).toMatch(/^the uploaded file is larger than the limit of 4096 bytes for a data package; .*VAXA_MAX_UPLOAD_BYTES/);
  });

  it("refuses what is neither a ZIP archive nor a workbook with 400", async () => {
    const { app, auth } = await testServer();
    const res = await upload(app, Buffer.from("year,driver\n"), auth("planner")).expect(400);
    expect(res.body.error).toMatch(/^the file is neither a ZIP archive nor an Excel workbook/);
  });

  it("answers 422 with every finding's file, line and field for a package with an error, and stores nothing", async () => {
    const { app, auth, services } = await testServer();
    const res = await upload(app, zipOf(await withHeadcountError()), auth("planner")).expect(422);
    const errors = res.body.report.filter((f: { severity: string }) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "headcount.csv", line: 5, field: "fte" });
    expect(res.body.error).toMatch(/^the data package has 1 error, the first in headcount\.csv, line 5, fte: /);
    expect(services.packages.list()).toHaveLength(1);
  });

  it("stores a second municipality's package in Windows-1252 with semicolons and decimal commas, with the same numbers as its UTF-8 original", async () => {
    const { app, auth } = await testServer();
    const { original, swedish } = await secondMunicipality();
    expect(swedishCsv(original["headcount.csv"]!).split("\r\n")[1]).toBe("2015;urban_development;150,0");
    const res = await upload(app, zipOf(swedish), { ...auth("planner"), "X-File-Name": encodeURIComponent("Åre kommun.zip") }).expect(201);
    expect(res.body.municipality).toBe("Åre-Östersund kommun");
    expect(res.body.format).toBe("zip");
    const notes = res.body.report.filter((f: { severity: string; message: string }) => f.severity === "note" && f.message.includes("read as Windows-1252"));
    // Every file with a Swedish letter says how it was read (the CSV files hold ids and numbers only).
    expect(notes.map((n: { file: string }) => n.file)).toEqual(expect.arrayContaining(["municipality.json", "drivers.json", "processes.json", "levers.json"]));
    expect(res.body.report.filter((f: { severity: string }) => f.severity !== "note")).toEqual([]);
    const uploaded = res.body.package.hash;
    expect(uploaded).not.toBe(packageHash(original));

    // The UTF-8, comma-separated original as its own package: the forecasts must be equal.
    const utf8 = await upload(app, zipOf(original), auth("planner")).expect(201);
    const scenario = assumptions({ levers: [] });
    const a = await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "swedish", assumptions: scenario, packageHash: uploaded }).expect(201);
    const b = await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "original", assumptions: scenario, packageHash: utf8.body.package.hash }).expect(201);
    expect(a.body.version.packageHash).toBe(uploaded);
    const fa = await request(app).get("/api/scenarios/swedish/versions/1/forecast").expect(200);
    const fb = await request(app).get("/api/scenarios/original/versions/1/forecast").expect(200);
    expect(fa.body.package.hash).toBe(uploaded);
    expect(fa.body.result.totals).toEqual(fb.body.result.totals);
    expect(fa.body.result.rows).toEqual(fb.body.result.rows);
    expect(b.body.version.packageHash).toBe(utf8.body.package.hash);

    const list = await request(app).get("/api/packages").expect(200);
    const item = list.body.packages.find((p: { package: { hash: string } }) => p.package.hash === uploaded);
    expect(item).toMatchObject({ municipality: "Åre-Östersund kommun", current: false, uploads: [{ fileName: "Åre kommun.zip", format: "zip", author: "token 2 (Per Planner, planner)" }] });
  });

  it("refuses a scenario saved with a package the server does not have", async () => {
    const { app, auth } = await testServer();
    const res = await request(app).post("/api/scenarios").set(auth("planner")).send({ assumptions: assumptions(), packageHash: "a".repeat(64) }).expect(400);
    expect(res.body.error).toMatch(/^packageHash: no data package a{64} is stored on this server/);
  });
});

describe("GET /api/packages/:hash/package.zip and .xlsx", () => {
  it("downloads the current package as a ZIP archive holding its model files", async () => {
    const { app, services } = await testServer();
    const current = services.model.current;
    const res = await request(app).get(`/api/packages/${current.versionId}/package.zip`).buffer(true).parse(binary).expect(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const back = readPackageArchive(new Uint8Array(res.body as Buffer));
    const texts = Object.fromEntries(Object.entries(back.files).map(([p, b]) => [p, Buffer.from(b).toString("utf8")]));
    expect(texts).toEqual(modelFiles(await nackaFiles()));
    expect(packageHash(texts)).toBe(current.hash);
  });

  it("downloads a workbook that, uploaded again, gives identical forecast numbers", async () => {
    const { app, auth, services } = await testServer();
    const xlsx = await request(app).get(`/api/packages/${services.model.current.hash}/package.xlsx`).buffer(true).parse(binary).expect(200);
    const res = await request(app)
      .post("/api/packages")
      .set(auth("planner"))
      .set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .send(xlsx.body as Buffer);
    expect([200, 201]).toContain(res.status);
    expect(res.body.format).toBe("xlsx");
    const scenario = assumptions({ levers: services.model.current.pkg.levers.map((l) => l.id), growthMultiplier: 2 });
    await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "from-excel", assumptions: scenario, packageHash: res.body.package.hash }).expect(201);
    await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "from-folder", assumptions: scenario }).expect(201);
    const a = await request(app).get("/api/scenarios/from-excel/versions/1/forecast").expect(200);
    const b = await request(app).get("/api/scenarios/from-folder/versions/1/forecast").expect(200);
    expect({ ...a.body.result, scenario: "same" }).toEqual({ ...b.body.result, scenario: "same" });
  });

  it("answers 404 for a package the server does not have", async () => {
    const { app } = await testServer();
    const res = await request(app).get(`/api/packages/${"b".repeat(12)}/package.zip`).expect(404);
    expect(res.body.error).toBe("no data package bbbbbbbbbbbb is stored on this server; GET /api/packages lists them");
  });
});
