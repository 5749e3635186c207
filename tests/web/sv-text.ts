/** Swedish number text as Intl's sv-SE writes it, for the expected values of the web tests. */

/** The no-break space sv-SE puts between thousands and before units. */
export const NBSP = "\u00a0";

/** Writes a Swedish number's group separator as in Intl's sv-SE output: sv("1 088") is "1\u00a0088". */
export const sv = (text: string) => text.replace(/(\d) (\d{3})/g, `$1${NBSP}$2`);
