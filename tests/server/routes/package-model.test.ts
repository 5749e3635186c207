/** GET /api/package/model[/:hash]: the package the server parsed, for the web app, sent compressed. */
import { isDeepStrictEqual } from "node:util";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { packageFromJson } from "../../../contract/package-json.ts";
import { binary, nackaPackage, testServer } from "../helpers.ts";

describe("GET /api/package/model", () => {
  it("sends the parsed package, brotli to a client that takes br, gzip to one that takes gzip only, else plain", async () => {
    const { app } = await testServer();
    const nacka = await nackaPackage();
    for (const [accept, encoding] of [["gzip, deflate, br", "br"], ["gzip", "gzip"], ["identity", "identity"]] as const) {
      const res = await request(app).get("/api/package/model").set("Accept-Encoding", accept).buffer(true).parse(binary).expect(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["content-encoding"]).toBe(encoding === "identity" ? undefined : encoding);
      // superagent undoes br and gzip itself: a body that reads back proves the encoding was what it says
      const answer = packageFromJson((res.body as Buffer).toString("utf8")) as unknown as { package: unknown; model: unknown };
      expect(answer.package).toEqual({ hash: nacka.hash, versionId: nacka.versionId });
      expect(isDeepStrictEqual(answer.model, nacka.pkg)).toBe(true);
    }
  });

  it("finds a package by its hash or id (immutable), refuses what is no hash and says when none is stored", async () => {
    const { app } = await testServer();
    const { hash, versionId } = await nackaPackage();
    for (const name of [hash, versionId]) {
      const res = await request(app).get(`/api/package/model/${name}`).expect(200);
      expect(res.headers["cache-control"]).toMatch(/immutable/);
      expect(res.body.package.hash).toBe(hash);
    }
    expect((await request(app).get("/api/package/model/xyz").expect(400)).body.error).toMatch(/not a package hash/);
    expect((await request(app).get(`/api/package/model/${"0".repeat(64)}`).expect(404)).body.error).toMatch(/no data package/);
  });

  it("needs a token when reads are protected", async () => {
    const { app, auth } = await testServer({ openReads: false });
    await request(app).get("/api/package/model").expect(401);
    await request(app).get("/api/package/model").set(auth("viewer")).expect(200);
  });
});
