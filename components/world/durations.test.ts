import { describe, expect, it } from "vitest";
import { duration, signed } from "./durations";

const HOUR = 3600;

describe("durations", () => {
  it("read like a clock's, in both languages", () => {
    expect(duration(45, "en")).toBe("45 s");
    expect(duration(660, "en")).toBe("11 min");
    expect(duration(150, "nb")).toBe("2 min 30 s");
    expect(duration(31 * HOUR, "en")).toBe("31 h");
    expect(duration(25 * HOUR + 300, "nb")).toBe("25 t 5 min");
    expect(duration(80 * HOUR, "en")).toBe("3 d 8 h");
    expect(signed(660, "en")).toBe("+11 min");
    expect(signed(-30, "nb")).toBe("\u221230 s");
  });
});
