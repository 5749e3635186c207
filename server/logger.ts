/**
 * Structured logs: pino, one JSON object per line on stdout.
 *
 * No token is ever written: request URLs are logged with the values of token-like query
 * parameters replaced ({@link loggableUrl}), and every line passes a last filter that replaces
 * anything shaped like a Vaxa token (`vaxa_…`), wherever it came from (a path, an error message).
 */
import { pino, type Logger } from "pino";

/** A Vaxa token (see db/token-store.ts) or a prefix of one long enough to matter. */
const TOKEN_TEXT = /vaxa_[A-Za-z0-9_-]{6,}/g;
/** Query parameters whose values are secrets whatever their shape. */
const SECRET_PARAMETER = /token|auth|bearer|key|secret|pass|session|sig/i;
const REDACTED = "[redacted]";

/** The URL (path and query) as it may be logged: values of secret-looking parameters replaced. */
export function loggableUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed escape: judge the raw name
      }
      return eq >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join("&");
  return `${url.slice(0, q)}?${query}`;
}

/**
 * @param destination where lines go; by default stdout, written asynchronously: the server's event
 *   loop never waits for a write, lines logged while one is under way leave together in the next,
 *   and what is left is flushed when the process exits (pino's own exit handler).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "vaxa" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "headers.authorization", "token", "*.token"], censor: REDACTED },
    hooks: { streamWrite: (line) => line.replace(TOKEN_TEXT, `vaxa_${REDACTED}`) },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
