import { findEntry } from "@/lib/catalogue/entries";
import { parseInstant } from "../sequence/run-link";

/**
 * What a link to the catalogue carries: the entry, and a fixed clock when the sender had one — never a
 * token. Opening it selects the entry and runs it, with the receiver's own fresh calls.
 */
export interface CatalogueLink {
  /** A known entry's id; absent when the link names none. */
  entry?: string;
  /** The id the link asked for when no entry has it, so the page can say so. */
  unknown?: string;
  /** A fixed clock (ISO 8601 instant) for the workspace, as on the sequence page. */
  at?: string;
}

export function parseCatalogueLink(search: string): CatalogueLink {
  const q = new URLSearchParams(search);
  const id = q.get("entry");
  const at = parseInstant(q.get("at"));
  const known = id ? findEntry(id) : undefined;
  return { ...(known && { entry: known.id }), ...(id && !known && { unknown: id }), ...(at && { at }) };
}

export function catalogueLinkQuery(link: CatalogueLink): string {
  const q = new URLSearchParams();
  if (link.entry) q.set("entry", link.entry);
  if (link.at) q.set("at", link.at);
  return q.toString();
}
