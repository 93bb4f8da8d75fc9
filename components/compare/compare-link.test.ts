import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, actionOptions, findDialog, forPersona } from "../scenario/scenario";
import { asksForRun, compareLinkQuery, parseCompareLink, sameCompareLink } from "./compare-link";

describe("compare links", () => {
  it("round-trips the scenario, the latency and the clock", () => {
    const ola = forPersona("ola");
    const action = actionOptions(findDialog(ola.dialogId)).at(-1)!.value;
    const link = { scenario: { ...ola, action }, latencyMs: 40, at: "2026-12-01T10:00:00Z", offset: 660, skewSp: -20 };
    const q = compareLinkQuery(link);
    expect(parseCompareLink(`?${q}`)).toEqual(link);
    expect(q).not.toMatch(/token|eyJ|key/i);
  });

  it("leaves a zero latency out, and a bare URL is the default comparison that nobody asked to run", () => {
    expect(compareLinkQuery({ scenario: DEFAULT_SCENARIO, latencyMs: 0 })).not.toContain("latency");
    expect(parseCompareLink("")).toEqual({ scenario: DEFAULT_SCENARIO, latencyMs: 0 });
    expect(sameCompareLink(parseCompareLink(""), { scenario: DEFAULT_SCENARIO, latencyMs: 0 })).toBe(true);
    expect(asksForRun("")).toBe(false);
    expect(asksForRun("?utm_source=slides")).toBe(false);
    expect(asksForRun("?latency=20")).toBe(true);
    expect(asksForRun("?skew-dp=120")).toBe(true);
  });

  it("clamps the latency to what the sandbox honours and drops what is not a number", () => {
    expect(parseCompareLink("?latency=99999").latencyMs).toBe(2000);
    expect(parseCompareLink("?latency=-5").latencyMs).toBe(0);
    expect(parseCompareLink("?latency=abc").latencyMs).toBe(0);
    expect(parseCompareLink("?persona=mallory").scenario).toEqual(DEFAULT_SCENARIO);
  });
});
