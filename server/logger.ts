/** Structured logs: pino, one JSON object per line on stdout. */
import { pino, type Logger } from "pino";

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "vaxa" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "token"], censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
