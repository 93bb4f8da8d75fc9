import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/catalogue/entries";
import { entryLinks } from "./entry-links";
import { ENTRY_TEXTS_NB, entryTexts } from "./entry-texts";

describe("the catalogue in Norwegian", () => {
  it("has a title, what, models and lesson for every entry, and a browser note where the entry has one", () => {
    const missing: string[] = [];
    for (const e of CATALOGUE) {
      const nb = ENTRY_TEXTS_NB[e.id];
      for (const field of ["title", "what", "models", "lesson"] as const) if (!nb?.[field]?.trim()) missing.push(`${e.id}.${field}`);
      if (Boolean(e.notInBrowser) !== Boolean(nb?.notInBrowser)) missing.push(`${e.id}.notInBrowser`);
    }
    expect(missing).toEqual([]);
  });

  it("holds no text for an entry that does not exist, and no title twice", () => {
    const ids = new Set(CATALOGUE.map((e) => e.id));
    expect(Object.keys(ENTRY_TEXTS_NB).filter((id) => !ids.has(id))).toEqual([]);
    const titles = Object.values(ENTRY_TEXTS_NB).map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("is translated, not copied: the lessons differ from the English ones", () => {
    const copied = CATALOGUE.filter((e) => ENTRY_TEXTS_NB[e.id]?.lesson === e.lesson).map((e) => e.id);
    expect(copied).toEqual([]);
  });

  it("keeps the catalogue's own English for English readers", () => {
    const e = CATALOGUE[0]!;
    expect(entryTexts(e, "en")).toMatchObject({ title: e.title, lesson: e.lesson });
    expect(entryTexts(e, "nb").title).toBe(ENTRY_TEXTS_NB[e.id]!.title);
  });

  it("links every entry to where its check is explained, over https", () => {
    for (const e of CATALOGUE) {
      const links = entryLinks(e);
      expect(links.length, e.id).toBeGreaterThan(0);
      for (const l of links) expect(l.href, e.id).toMatch(/^https:\/\/(www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+|docs\.altinn\.studio\/)/);
    }
  });
});
