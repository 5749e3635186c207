/** server/precompressed.ts: a file's compressed twin (or a text file compressed in memory) to a browser that accepts it, else the file. */
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import express from "express";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { compressAhead, compressedAnswer, compressedFiles, precompressed } from "../../server/precompressed.ts";

// brotli as it is, its calls counted: to tell an answer compressed on request from one compressed ahead
const brotli = vi.hoisted(() => ({ calls: 0 }));
vi.mock("node:zlib", async (importOriginal) => {
  const zlib = await importOriginal<typeof import("node:zlib")>();
  const brotliCompress = (...args: Parameters<typeof zlib.brotliCompress>) => {
    brotli.calls++;
    return zlib.brotliCompress(...args);
  };
  return { ...zlib, default: { ...zlib, brotliCompress }, brotliCompress };
});

const CONTENT = "export const answer = 42;\n".repeat(100);

function site(): { app: express.Express; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "vaxa-precompressed-"));
  writeFileSync(join(dir, "app.js"), CONTENT);
  writeFileSync(join(dir, "app.js.br"), brotliCompressSync(CONTENT));
  writeFileSync(join(dir, "app.js.gz"), gzipSync(CONTENT));
  const app = express();
  app.use("/build", precompressed(dir, "5m"), express.static(dir));
  return { app, dir };
}

describe("precompressed", () => {
  it("sends the gzip twin with its encoding and the file's type to a browser that accepts gzip", async () => {
    const { app } = site();
    const res = await request(app).get("/build/app.js").set("Accept-Encoding", "gzip").expect(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.text).toBe(CONTENT); // supertest decompresses gzip
  });

  it("prefers brotli when both are accepted", async () => {
    const { app } = site();
    const res = await request(app).get("/build/app.js").set("Accept-Encoding", "gzip, br").buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => done(null, Buffer.concat(chunks)));
    });
    expect(res.headers["content-encoding"]).toBe("br");
  });

  it("sends the file itself without an accepted encoding, or when the twin is older than the file", async () => {
    const { app, dir } = site();
    const plain = await request(app).get("/build/app.js").set("Accept-Encoding", "identity").expect(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.text).toBe(CONTENT);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "app.js.gz"), past, past);
    const stale = await request(app).get("/build/app.js").set("Accept-Encoding", "gzip").expect(200);
    expect(stale.headers["content-encoding"]).toBeUndefined();
  });

  it("never reaches outside its folder", async () => {
    const { app } = site();
    await request(app).get("/build/..%2Fapp.js").set("Accept-Encoding", "gzip").expect(404);
  });
});

describe("compressedFiles", () => {
  it("sends a stylesheet compressed to a client that takes gzip, anew when the file changes, and as it is to one that does not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vaxa-compressed-files-"));
    writeFileSync(join(dir, "app.css"), "body { color: red }\n");
    const app = express();
    app.use(compressedFiles(dir, [".css"], 300), express.static(dir));
    const res = await request(app).get("/app.css").set("Accept-Encoding", "gzip").expect(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(/text\/css/);
    expect(res.text).toBe("body { color: red }\n"); // supertest decompresses gzip
    const later = new Date(Date.now() + 60_000);
    writeFileSync(join(dir, "app.css"), "body { color: blue }\n");
    utimesSync(join(dir, "app.css"), later, later);
    expect((await request(app).get("/app.css").set("Accept-Encoding", "gzip").expect(200)).text).toBe("body { color: blue }\n");
    const plain = await request(app).get("/app.css").set("Accept-Encoding", "identity").expect(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    await request(app).get("/..%2Fapp.css").set("Accept-Encoding", "gzip").expect(404);
  });
});

describe("compressAhead", () => {
  const answerApp = (text: string) => {
    const app = express();
    const answer = compressedAnswer(() => text, "html");
    app.get("/", (req, res, next) => answer(req, res).catch(next));
    return app;
  };

  it("compresses a text before it is asked for, so that its answer's first request compresses nothing", async () => {
    const ahead = `<p>ahead ${Math.random()}</p>`.repeat(50);
    await compressAhead(ahead);
    const before = brotli.calls;
    const res = await request(answerApp(ahead)).get("/").set("Accept-Encoding", "gzip").expect(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.text).toBe(ahead); // supertest decompresses gzip
    expect(brotli.calls).toBe(before);
    // a text not compressed ahead is compressed on its first request (br and gzip at once)
    await request(answerApp(`${ahead}!`)).get("/").set("Accept-Encoding", "gzip").expect(200);
    expect(brotli.calls).toBe(before + 1);
  });
});
