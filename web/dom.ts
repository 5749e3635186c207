/**
 * Small helpers for building the page from plain DOM: an element with attributes and children, a
 * document-unique id, and the width a chart gets in its container.
 */

/** Creates an element with attributes and children. `text` sets textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined | null> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else if (name === "class") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

let counter = 0;
/** A document-unique id with a readable prefix. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The width of a chart in pixels: its container's, within 320–960, or `fallback` before layout. */
export function chartWidth(container: HTMLElement, fallback = 720): number {
  const w = container.clientWidth;
  return w > 0 ? Math.max(320, Math.min(960, Math.floor(w))) : fallback;
}

/** The message of anything thrown, for a person to read. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a failure is an aborted request (a view that was left), which nobody needs to hear of. */
export function isAbort(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "AbortError";
}
