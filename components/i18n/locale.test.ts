import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locale";
import { fill } from "./text";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["nb-NO,nb;q=0.9,en;q=0.8", "nb"],
    ["en-GB,en;q=0.9,nb;q=0.8", "en"],
    ["no", "nb"],
    ["nn-NO", "nb"],
    ["de-DE,nb;q=0.5,en;q=0.7", "en"],
    ["de-DE,nb;q=0.7,en;q=0.5", "nb"],
    ["NB-no", "nb"],
    ["nb;q=0, en;q=0.1", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it.each(["", "de", "*", "nb;q=0", "nb;q=abc", "fr-FR,de;q=0.9"])("%s → none of ours", (header) => {
    expect(localeFromAcceptLanguage(header)).toBeUndefined();
  });
});

describe("resolveLocale", () => {
  it("prefers the link, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale({ query: "nb", cookie: "en", acceptLanguage: "en" })).toBe("nb");
    expect(resolveLocale({ query: "xx", cookie: "nb", acceptLanguage: "en" })).toBe("nb");
    expect(resolveLocale({ query: null, cookie: "zz", acceptLanguage: "nb-NO" })).toBe("nb");
    expect(resolveLocale({})).toBe("en");
  });
});

describe("fill", () => {
  it("fills placeholders in the chosen language and leaves unknown ones", () => {
    expect(fill({ en: "{n} checks {x}", nb: "{n} kontroller" }, "nb", { n: 3 })).toBe("3 kontroller");
    expect(fill({ en: "{n} checks {x}", nb: "{n} kontroller" }, "en", { n: 3 })).toBe("3 checks {x}");
  });
});
