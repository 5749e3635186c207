/**
 * How large a data package's files may be. A municipality's package is small (Nacka's largest
 * file, `drivers.csv`, is about 20 kB and 400 rows); the limits are far above any real package and
 * keep a mistaken or hostile file from taking the reader's time and memory: a file past a limit is
 * refused with its own message before it is parsed. The command line, the server and a browser
 * upload apply the same limits, since they share the parser.
 */

/** The limits of one package file. */
export const PACKAGE_LIMITS = {
  /** Largest file, bytes (10 MiB): checked before the file is read, so a 100 MB file costs nothing. */
  fileBytes: 10 * 1024 * 1024,
  /** Most data lines in a CSV file (a century of yearly values for a thousand drivers). */
  csvRows: 100_000,
  /** Deepest nesting of objects and lists in a JSON file (the package's own files nest at most 5 deep). */
  jsonDepth: 32,
} as const;

/** A byte count for a message: "10 MB", "104.9 MB", "812 bytes". */
export function byteText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

/** The message for a file larger than {@link PACKAGE_LIMITS.fileBytes}. */
export function fileTooLarge(bytes: number): string {
  return `the file is ${byteText(bytes)}, larger than the limit of ${byteText(PACKAGE_LIMITS.fileBytes)} for a package file: expected a package's own figures (a few kB); split or shorten it`;
}
