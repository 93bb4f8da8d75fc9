import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/catalogue/entries";
import { catalogueLinkQuery, parseCatalogueLink } from "./catalogue-link";

describe("catalogue links", () => {
  it("round-trips every entry, with and without a fixed clock", () => {
    for (const e of CATALOGUE) expect(parseCatalogueLink(`?${catalogueLinkQuery({ entry: e.id })}`)).toEqual({ entry: e.id });
    const link = { entry: "alg-none", at: "2026-12-01T10:00:00Z" };
    expect(parseCatalogueLink(`?${catalogueLinkQuery(link)}`)).toEqual(link);
  });

  it("names an unknown id instead of guessing, and ignores a bad clock", () => {
    expect(parseCatalogueLink("?entry=no-such-attack&at=yesterday")).toEqual({ unknown: "no-such-attack" });
    expect(parseCatalogueLink("")).toEqual({});
    expect(catalogueLinkQuery({})).toBe("");
  });
});
