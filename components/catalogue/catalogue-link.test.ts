import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/catalogue/entries";
import { parseRunLink } from "../sequence/run-link";
import { entryHref, redirectFor } from "./catalogue-link";

describe("catalogue links", () => {
  it("open every entry in the sequence view, which reads the entry back", () => {
    for (const e of CATALOGUE) {
      const href = entryHref(e.id);
      expect(href).toBe(`/?entry=${e.id}`);
      expect(parseRunLink(href.slice(1)).entry).toBe(e.id);
    }
  });

  it("send old /catalogue?entry= links there, keeping a valid clock and language and dropping the rest", () => {
    expect(redirectFor("?entry=alg-none&at=2026-12-01T10:00:00Z&lang=nb")).toBe("/?entry=alg-none&at=2026-12-01T10%3A00%3A00Z&lang=nb");
    expect(redirectFor("?entry=alg-none&at=yesterday&lang=de")).toBe("/?entry=alg-none");
    expect(redirectFor("?lang=nb")).toBeUndefined();
    expect(redirectFor("")).toBeUndefined();
  });

  it("pass an unknown id on, so the sequence view can say it is not in the catalogue", () => {
    expect(redirectFor("?entry=no-such-attack")).toBe("/?entry=no-such-attack");
    expect(parseRunLink("?entry=no-such-attack").entry).toBe("no-such-attack");
    expect(parseRunLink("?entry=<script>").entry).toBeUndefined();
  });
});
