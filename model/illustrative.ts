/**
 * The note every output prints when a package's figures are illustrative (`municipality.json`
 * field `illustrative`): one wording for the command line, the exports and the charts.
 */
import type { LocalizedText } from "./data-package.ts";

const LABEL = { sv: "Illustrativa siffror:", en: "Illustrative figures:" } as const;

/** "Illustrative figures: <why>" in the language, or null when the figures are the municipality's own. */
export function illustrativeNote(illustrative: LocalizedText | null, lang: "sv" | "en"): string | null {
  return illustrative === null ? null : `${LABEL[lang]} ${illustrative[lang]}`;
}
