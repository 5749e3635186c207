/**
 * Serves a file's pre-compressed twin (`app.js.br`, `app.js.gz`, written by `web/build.ts`) to a
 * browser that accepts the encoding, so the web bundle travels compressed without compressing it
 * on every request. Anything else (no twin, a twin older than its file, no accepted encoding)
 * falls through to the static files.
 */
import { statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import type { RequestHandler } from "express";

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

export function precompressed(dir: string, maxAge: string): RequestHandler {
  const root = resolve(dir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(root + sep)) return next();
    // the best encoding the browser accepts at all (browsers list gzip before br at equal weight)
    const choice = PRECOMPRESSED.find((p) => req.acceptsEncodings(p.encoding) === p.encoding);
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
