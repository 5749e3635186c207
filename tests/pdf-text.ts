/**
 * The text of each page of a PDF, read with PDF.js (the legacy build, which runs in Node without a
 * browser): items joined with spaces and runs of white space made one, so that a line wrapped in
 * the PDF reads as the sentence it is.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await doc.destroy();
  return pages;
}

/** White space made one plain space (the PDF's text has no non-breaking spaces of its own). */
export function plain(text: string): string {
  return text.replace(/\s+/g, " ");
}
