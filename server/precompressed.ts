/**
 * Compressed once, sent many times: a file's pre-compressed twin (`app.js.br`, `app.js.gz`,
 * written by `web/build.ts`) to a browser that accepts the encoding, so the web bundle travels
 * compressed without compressing it on every request; anything else (no twin, a twin older than
 * its file, no accepted encoding) falls through to the static files. The same for an API answer
 * that never changes while the server runs (the package, parsed, for the web app's first chart):
 * {@link compressedAnswer} compresses it on its first request and keeps the result, or before it
 * when asked to ({@link compressAhead}).
 */
import { readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import type { Request, RequestHandler, Response } from "express";
import { Lru } from "./lru.ts";

/** The encodings written beside a file, best first, and their suffixes. */
export const PRECOMPRESSED = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

const modified = (file: string): number | null => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/** The encoding of {@link PRECOMPRESSED} this request accepts best, if any. */
function acceptedEncoding(req: Request) {
  // the best encoding the browser accepts at all (browsers list gzip before br at equal weight)
  return PRECOMPRESSED.find((p) => req.acceptsEncodings(p.encoding) === p.encoding);
}

export function precompressed(dir: string, maxAge: string): RequestHandler {
  const root = resolve(dir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(root + sep)) return next();
    const choice = acceptedEncoding(req);
    if (!choice) return next();
    const original = modified(file);
    const twin = modified(file + choice.suffix);
    if (original === null || twin === null || twin < original) return next();
    res.setHeader("Content-Encoding", choice.encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.type(extname(file));
    res.sendFile(file + choice.suffix, { maxAge }, (error) => {
      if (error) next(error);
    });
  };
}

/** An answer's text and its compressed forms by encoding. */
interface Compressed {
  text: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/** Answers compressed lately, by their text: apps in one process (the tests make hundreds) compress the same answer once. */
const recent = new Lru<string, Promise<Compressed>>(16);

function compress(text: string): Promise<Compressed> {
  let compressed = recent.get(text);
  if (compressed === undefined) {
    compressed = compressNow(text);
    recent.set(text, compressed);
  }
  return compressed;
}

async function compressNow(text: string): Promise<Compressed> {
  const bytes = Buffer.from(text, "utf8");
  const [br, gz] = await Promise.all([
    promisify(brotliCompress)(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    promisify(gzip)(bytes, { level: 9 }),
  ]);
  return { text: bytes, br, gzip: gz };
}

/**
 * Compresses `text` in the background, ahead of the first request for it: an answer of the same
 * text ({@link compressedAnswer}) then finds it compressed (among the last 16 texts compressed).
 * Resolves when it is done; never rejects (an answer asking for the text reports any failure).
 */
export function compressAhead(text: string): Promise<void> {
  return compress(text).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * An answer that does not change while the server runs, compressed once (in the background, at
 * the highest levels: at once with `eager`, else on its first request) and then sent compressed to
 * every client that accepts br or gzip, as it is to any other.
 *
 * @param body the answer's text, computed when it is first compressed.
 * @param eager compress now, so that the first request (the web app's first load) does not wait for it.
 * @example const answer = compressedAnswer(() => JSON.stringify(summary), "application/json", true);
 *          api.get("/package", (req, res, next) => answer(req, res).catch(next));
 */
export function compressedAnswer(body: () => string, type: string, eager = false): (req: Request, res: Response) => Promise<void> {
  let compressed: Promise<Compressed> | undefined;
  const ready = () => (compressed ??= compress(body()));
  if (eager) setImmediate(() => ready().catch(() => (compressed = undefined)));
  return async (req, res) => {
    const answer = await ready();
    const choice = acceptedEncoding(req);
    res.vary("Accept-Encoding");
    res.type(type);
    if (choice) res.setHeader("Content-Encoding", choice.encoding);
    res.send(choice ? answer[choice.encoding] : answer.text);
  };
}

/**
 * The small text files of a folder (the page's stylesheet) compressed in memory on their first
 * request, again when the file changes; anything else falls through to the static files.
 */
export function compressedFiles(dir: string, extensions: readonly string[], maxAgeSeconds: number): RequestHandler {
  const root = resolve(dir);
  const answers = new Map<string, { mtimeMs: number; send: (req: Request, res: Response) => Promise<void> }>();
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(root + sep) || !extensions.includes(extname(file)) || !acceptedEncoding(req)) return next();
    const mtimeMs = modified(file);
    if (mtimeMs === null) return next();
    let answer = answers.get(file);
    if (answer === undefined || answer.mtimeMs !== mtimeMs) {
      answer = { mtimeMs, send: compressedAnswer(() => readFileSync(file, "utf8"), extname(file)) };
      answers.set(file, answer);
    }
    res.setHeader("Cache-Control", `public, max-age=${maxAgeSeconds}`);
    answer.send(req, res).catch(next);
  };
}
