/**
 * Server side: a chart as one standalone SVG file. Plot draws the plot into a linkedom document
 * (no browser needed); the title, subtitle, legend and caption (with the version id) are drawn
 * around it as SVG text, since Plot would put them in an HTML `<figure>` that an `.svg` file
 * cannot hold.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "../charts/chart-spec.ts";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** Roughly how many caption characters fit on a line per pixel of width (12 px text). */
const CHARS_PER_PIXEL = 1 / 6.2;

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Splits a text into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Renders a chart to the text of a standalone SVG file (with `xmlns`), carrying the version id in
 * its caption, its `<title>`/`<desc>` and a `data-version` attribute. A footnote (e.g. that the
 * figures are illustrative) is printed under the caption, in italics.
 */
export function renderSvg(spec: ChartSpec, versionId: string, footnote?: string): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const plot = Plot.plot({ ...spec.plot, document: document as unknown as Document }) as unknown as Element;
  if (plot.tagName.toLowerCase() !== "svg") throw new Error(`internal: Plot returned <${plot.tagName}> for ${spec.name}, expected <svg>`);
  const width = Number(plot.getAttribute("width") ?? spec.plot.width ?? 640);
  const plotHeight = Number(plot.getAttribute("height") ?? spec.plot.height ?? 400);
  const pad = 16;
  let y = pad;
  const parts: string[] = [];
  const text = (content: string, size: number, weight: string, fill = "#222") => {
    y += size;
    parts.push(
      `<text x="${pad}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`,
    );
    y += Math.round(size * 0.35);
  };
  text(spec.title, 20, "bold");
  text(spec.subtitle, 14, "normal", "#444");
  y += 6;

  // Legend: items laid out left to right, wrapping to new rows.
  let x = pad;
  const rowHeight = 20;
  y += 4;
  for (const item of spec.legend) {
    const itemWidth = 22 + item.label.length * 6.6 + 18;
    if (x + itemWidth > width - pad && x > pad) {
      x = pad;
      y += rowHeight;
    }
    const dash = item.shape === "dashed" ? ' stroke-dasharray="4 3"' : "";
    const swatch =
      item.shape === "line" || item.shape === "dashed"
        ? `<line x1="${x}" y1="${y + 6}" x2="${x + 16}" y2="${y + 6}" stroke="${item.color}" stroke-width="2.5"${dash}/>`
        : `<rect x="${x}" y="${y}" width="14" height="12" fill="${item.color}"/>`;
    parts.push(`${swatch}<text x="${x + 20}" y="${y + 11}" font-size="12" fill="#222">${escapeXml(item.label)}</text>`);
    x += itemWidth;
  }
  y += rowHeight + 4;

  const plotTop = y;
  plot.setAttribute("x", "0");
  plot.setAttribute("y", String(plotTop));
  y += plotHeight + 8;

  const lineWidth = Math.floor((width - 2 * pad) * CHARS_PER_PIXEL);
  for (const line of wrap(spec.caption, lineWidth)) {
    y += 16;
    parts.push(`<text x="${pad}" y="${y}" font-size="12" fill="#333">${escapeXml(line)}</text>`);
  }
  if (footnote !== undefined) {
    y += 4;
    for (const line of wrap(footnote, lineWidth)) {
      y += 16;
      parts.push(`<text x="${pad}" y="${y}" font-size="12" font-style="italic" fill="#333" data-footnote="">${escapeXml(line)}</text>`);
    }
  }
  const height = Math.ceil(y + pad);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="${FONT}" role="img" aria-labelledby="vaxa-title vaxa-desc" data-chart="${escapeXml(spec.name)}" data-version="${escapeXml(versionId)}">`,
    `<title id="vaxa-title">${escapeXml(`${spec.title} — ${spec.subtitle}`)}</title>`,
    `<desc id="vaxa-desc">${escapeXml(footnote === undefined ? spec.caption : `${spec.caption} ${footnote}`)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    plot.outerHTML,
    `</svg>`,
  ].join("");
}
