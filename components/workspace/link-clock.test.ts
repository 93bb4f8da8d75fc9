import { describe, expect, it } from "vitest";
import { parseWorkspaceClock } from "@/lib/store/clock";
import { carriesClock, fromWorkspaceClock, parseLinkClock, sameClock, toWorkspaceClock } from "./link-clock";

describe("a link's clock and the workspace's", () => {
  it("turns a link's clock into the body the workspace API takes, and what the API stores back into the link's", () => {
    const link = { at: "2026-12-01T10:00:00Z", offset: 660, skewDp: 120, skewSp: -30 };
    const body = toWorkspaceClock(link);
    expect(body).toEqual({ at: "2026-12-01T10:00:00Z", offsetSeconds: 660, skewSeconds: { dialogporten: 120, "service-provider": -30 } });
    // The API's own parser accepts it and normalises the instant; reading that back gives the link again.
    const stored = parseWorkspaceClock(body);
    expect(stored).toMatchObject({ ok: true, value: { at: "2026-12-01T10:00:00.000Z" } });
    expect(stored.ok && fromWorkspaceClock(stored.value)).toEqual(link);
  });

  it("treats no setting as the real clock, both ways", () => {
    expect(toWorkspaceClock({})).toEqual({});
    expect(fromWorkspaceClock(null)).toEqual({});
    expect(fromWorkspaceClock({ skewSeconds: { dialogporten: 5 } })).toEqual({ skewDp: 5 });
    expect(carriesClock({})).toBe(false);
    expect(carriesClock(parseLinkClock(new URLSearchParams("persona=kari&step=3")))).toBe(false);
    expect(carriesClock(parseLinkClock(new URLSearchParams("skew-sp=-20")))).toBe(true);
    // A whole run link counts only for its clock fields.
    expect(carriesClock({ scenario: {}, step: 3 } as never)).toBe(false);
  });

  it("compares clocks by what a link would say", () => {
    expect(sameClock({ offset: 660 }, { offset: 660 })).toBe(true);
    expect(sameClock({ offset: 660 }, { offset: 660, skewDp: 1 })).toBe(false);
    expect(sameClock({}, {})).toBe(true);
  });
});
