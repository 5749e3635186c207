/**
 * A saved version described for a person, the same wherever a version is shown (planner, finance,
 * council, pickers, the data view): its number and id, who saved it, when, and the comment. Pure.
 */
import type { VersionInfo } from "../contract/api.ts";
import type { Formats, Lang } from "../contract/locale.ts";

/** The data package's own scenarios are saved by the server under this author and comment (server/services.ts). */
const PACKAGE_AUTHOR = "data package";
const PACKAGE_COMMENT = "from the data package";

/**
 * Who saved a version, in words: the token holder's name from "token 2 (Anna Berg, planner)",
 * "datapaketet" for the package's own scenarios, anything else as it is.
 *
 * @example authorName("token 2 (Anna Berg, planner)", "sv") // "Anna Berg"
 */
export function authorName(author: string, lang: Lang): string {
  if (author === PACKAGE_AUTHOR) return lang === "sv" ? "datapaketet" : "the data package";
  const token = /^token \d+ \((.+), (?:viewer|planner|admin)\)$/.exec(author);
  return token ? token[1]! : author;
}

/** A version's comment; the server's own comment on the package's scenarios in the reader's language. */
export function commentText(comment: string, lang: Lang): string {
  return comment === PACKAGE_COMMENT && lang === "sv" ? "från datapaketet" : comment;
}

/** A package's or version's short id: the hash's first 12 hex digits (as `io/content-hash.ts` makes it, which the browser does not load). */
export function shortId(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * "version 2 (3f2a9c1d0b4e) · Anna Berg · 1 dec. 2026 — Dubbel tillväxt": number, id, author, date,
 * and the comment when there is one.
 */
export function versionText(v: VersionInfo, lang: Lang, f: Formats): string {
  const base = `version ${v.number} (${v.versionId}) · ${authorName(v.author, lang)} · ${f.date(v.createdAt)}`;
  return v.comment ? `${base} — ${commentText(v.comment, lang)}` : base;
}
