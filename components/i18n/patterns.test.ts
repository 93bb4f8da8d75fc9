import { describe, expect, it } from "vitest";
import { translate } from "./patterns";

const PATTERNS = [
  { en: "The {part} is not JSON.", nb: "{Part} er ikke JSON." },
  { en: "Level {l} meets {min}.", nb: "Nivå {l} når {min}." },
];
const WORDS = { part: { header: "headeren" } };

describe("translate", () => {
  it("takes the values the English sentence carries into the Norwegian one, words as words", () => {
    expect(translate(PATTERNS, "Level 3 meets 2.", "nb")).toEqual({ text: "Nivå 3 når 2.", lang: "nb" });
    expect(translate(PATTERNS, "The header is not JSON.", "nb", WORDS)).toEqual({ text: "Headeren er ikke JSON.", lang: "nb" });
    // A value with no word of its own is kept as it came.
    expect(translate(PATTERNS, "The body is not JSON.", "nb", WORDS).text).toBe("Body er ikke JSON.");
  });

  it("matches whole sentences only, and leaves what it does not know in English, saying so", () => {
    expect(translate(PATTERNS, "Level 3 meets 2. And more.", "nb")).toEqual({ text: "Level 3 meets 2. And more.", lang: "en" });
    expect(translate(PATTERNS, "Level 3 (meets) 2.", "nb").lang).toBe("en");
    expect(translate(PATTERNS, "Level 3 meets 2.", "en")).toEqual({ text: "Level 3 meets 2.", lang: "en" });
  });
});
