/**
 * Errors a client is told about, and the one error format every response uses:
 * `{ "error": "<what is wrong, in plain words>", "problems": [{ "path", "message" }], "requestId" }`.
 */
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { TamperedPackageError } from "./db/package-store.ts";
import { loggableUrl } from "./logger.ts";
import { NonFiniteResultError } from "../model/finite.ts";
import type { Problem } from "./validation.ts";

/** An error whose message is meant for the client. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: Problem[],
    readonly headers: Record<string, string> = {},
    /** More fields for the JSON answer, e.g. the current version on a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 400 with the problems found in the request, the message listing them. */
export function invalidRequest(problems: Problem[], status = 400): HttpError {
  const shown = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > 10) shown.push(`and ${problems.length - 10} more problems`);
  return new HttpError(status, shown.join("; "), problems);
}

/** The request id given to every request (also sent as the X-Request-Id header). */
export function requestId(res: Response): string {
  return String(res.locals.requestId ?? "");
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
  message?: string;
}

function kB(bytes: number): string {
  return `${Math.round(bytes / 1024)} kB`;
}

/** What a client is told about an error from express, body-parser or the model (never a stack trace). */
function describe(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof TamperedPackageError) return new HttpError(500, error.message);
  // The model refuses to give a result holding numbers that are not finite: the assumptions are at fault.
  if (error instanceof NonFiniteResultError) return new HttpError(422, error.message, [{ path: "assumptions", message: error.message }]);
  const e = (error ?? {}) as BodyParserError;
  switch (e.type) {
    case "entity.too.large":
      return new HttpError(413, `the request body is larger than the limit of ${kB(e.limit ?? 0)}; send fewer or shorter assumptions`);
    case "entity.parse.failed":
      return new HttpError(400, `the request body is not valid JSON (${(e.message ?? "").replace(/\s+/g, " ").slice(0, 200)})`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpError(415, "the request body must be JSON in UTF-8 (Content-Type: application/json)");
    case "request.aborted":
    case "request.size.invalid":
    case "stream.encoding.set":
      return new HttpError(400, "the request body was not received completely");
    default:
      break;
  }
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return new HttpError(e.status, e.expose && e.message ? e.message : "the request could not be read");
  }
  return undefined;
}

/** The last middleware: every error becomes a JSON answer; unexpected ones are logged with their stack. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const id = requestId(res);
    const known = describe(error);
    if (res.headersSent) {
      logger.error({ err: error, requestId: id }, "error after the response started");
      res.destroy();
      return;
    }
    if (known) {
      for (const [k, v] of Object.entries(known.headers)) res.setHeader(k, v);
      if (known.status >= 500) logger.error({ err: error, requestId: id }, known.message);
      res.status(known.status).json({
        error: known.message,
        ...(known.problems ? { problems: known.problems } : {}),
        ...known.extra,
        requestId: id,
      });
      return;
    }
    logger.error({ err: error, requestId: id, method: req.method, url: loggableUrl(req.originalUrl) }, "internal error");
    res.status(500).json({
      error: `internal error; the server's log has the details under request id ${id}`,
      requestId: id,
    });
  };
}
