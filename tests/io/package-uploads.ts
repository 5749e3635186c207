/**
 * Packages to upload in tests, made from the Nacka package: renamed (a new package), with an error
 * at a known place, and a second municipality's package as Swedish Excel saves it — Windows-1252,
 * semicolons, decimal commas, CRLF — in a folder of its own inside the zip.
 */
import { strToU8, zipSync } from "fflate";
import { readPackageFolder } from "../../io/read-package-folder.ts";

/** Nacka's package files (model files and scenarios). */
export async function nackaFiles(): Promise<Record<string, string>> {
  return (await readPackageFolder("data/nacka")).files;
}

/** Files (texts as UTF-8, or bytes as they are) as a ZIP archive. */
export function zipOf(files: Record<string, Uint8Array | string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([path, content]) => [path, typeof content === "string" ? strToU8(content) : content]))));
}

/** Nacka's package renamed, so that it is a new package. */
export async function renamed(name: string): Promise<Record<string, string>> {
  const files = await nackaFiles();
  const municipality = JSON.parse(files["municipality.json"]!) as { name: string };
  municipality.name = name;
  return { ...files, "municipality.json": JSON.stringify(municipality, null, 2) };
}

/** Nacka's package with "many" for the FTE on headcount.csv's line 5: one error, at headcount.csv line 5, field fte. */
export async function withHeadcountError(): Promise<Record<string, string>> {
  const files = await nackaFiles();
  const lines = files["headcount.csv"]!.split("\n");
  lines[4] = lines[4]!.replace(/,[^,]*$/, ",many");
  return { ...files, "headcount.csv": lines.join("\n") };
}

/**
 * A CSV file as Swedish Excel saves "CSV (semicolon separated)": semicolons, decimal commas, CRLF
 * (every field of the package's CSV files is a number, an id or a word: none holds a comma).
 */
export function swedishCsv(text: string): string {
  return text
    .split("\n")
    .map((line) => line.split(",").map((field) => (/^-?\d+\.\d+$/.test(field) ? field.replace(".", ",") : field)).join(";"))
    .join("\r\n");
}

/** A text as Windows-1252 bytes: Latin-1 letters (å, ä, ö) as themselves, the en dash as 0x96 (the only other character Nacka's files use). */
export function windows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (c === "\u2013") return 0x96;
      if (code >= 0x80 && (code < 0xa0 || code > 0xff)) throw new Error(`${c} is not written in Windows-1252 here`);
      return code;
    }),
  );
}

/** The second municipality: `original` its files as UTF-8 texts, `swedish` the same as Swedish Excel writes them, in a folder "Åre kommun/". */
export async function secondMunicipality(): Promise<{ original: Record<string, string>; swedish: Record<string, Uint8Array> }> {
  const original = await renamed("Åre-Östersund kommun");
  const swedish = Object.fromEntries(
    Object.entries(original).map(([path, text]) => [`Åre kommun/${path}`, windows1252(path.endsWith(".csv") ? swedishCsv(text) : text)]),
  );
  return { original, swedish };
}
