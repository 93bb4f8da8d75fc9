import { describe, expect, it } from "vitest";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { actionOptions, DEFAULT_SCENARIO, findDialog, forPersona } from "../scenario/scenario";
import { policies } from "@/lib/seed/policies";
import { decodePolicies, encodePolicies } from "../world/policy-link";
import { parseInstant } from "../workspace/link-clock";
import { MAX_LINK_LENGTH, parseRunLink, runLinkQuery, withPolicies } from "./run-link";

describe("run links", () => {
  it("round-trips a scenario, step and settings", () => {
    const ola = forPersona("ola");
    const action = actionOptions(findDialog(ola.dialogId)).at(-1)!.value;
    const link = { scenario: { ...ola, action }, step: 5 as const, speed: "slow" as const, at: "2026-12-01T10:00:00Z", presenter: true };
    expect(parseRunLink(`?${runLinkQuery(link)}`)).toEqual(link);
  });

  it("leaves defaults out and never carries a token", () => {
    const q = runLinkQuery({ scenario: DEFAULT_SCENARIO, step: -1, speed: "normal" });
    expect(q).not.toMatch(/step|speed|at=|offset|skew|presenter|token|eyJ/);
  });

  it("keeps the presenter view as presenter=1, and reads nothing else as it", () => {
    expect(runLinkQuery({ scenario: DEFAULT_SCENARIO, step: 2, presenter: true })).toMatch(/&presenter=1$/);
    expect(parseRunLink("?presenter=1").presenter).toBe(true);
    for (const other of ["?presenter=0", "?presenter=true", "?presenter=", "?"]) expect(parseRunLink(other)).not.toHaveProperty("presenter");
  });

  it("falls back to what the form would offer for unknown or inconsistent values", () => {
    expect(parseRunLink("?persona=mallory&step=9&speed=warp&at=yesterday")).toEqual({ scenario: DEFAULT_SCENARIO, step: -1 });
    const kariWithOlasParty = parseRunLink("?persona=kari&party=urn:altinn:organization:identifier-no:310001376");
    expect(kariWithOlasParty.scenario).toEqual(forPersona("kari"));
    const badAction = parseRunLink(`?persona=kari&dialog=${DIALOG_ID.taxReturn}&action=gui:nope`);
    expect(badAction.scenario.action).toBe(actionOptions(findDialog(DIALOG_ID.taxReturn))[0]!.value);
  });

  it("accepts only plausible ISO instants as a fixed clock", () => {
    const now = Date.parse("2026-12-02T00:00:00Z");
    expect(parseInstant("2026-12-01T10:00:00Z", now)).toBe("2026-12-01T10:00:00Z");
    expect(parseInstant("2026-12-01T11:00:00+01:00", now)).toBe("2026-12-01T10:00:00Z");
    expect(parseInstant("2026-12-01T10:00:00.250Z", now)).toBe("2026-12-01T10:00:00.250Z");
    expect(parseInstant("2026-12-01", now)).toBeUndefined();
    expect(parseInstant("9999-12-01T10:00:00Z", now)).toBeUndefined();
    expect(parseInstant(null, now)).toBeUndefined();
  });

  it("carries a catalogue entry instead of the form's fields, and never a malformed id", () => {
    const q = runLinkQuery({ scenario: DEFAULT_SCENARIO, step: 6, entry: "alg-none", at: "2026-12-01T10:00:00Z" });
    expect(q).toBe("entry=alg-none&step=6&at=2026-12-01T10%3A00%3A00Z");
    expect(parseRunLink(`?${q}`)).toMatchObject({ entry: "alg-none", step: 6, at: "2026-12-01T10:00:00Z" });
    expect(parseRunLink("?entry=../../etc").entry).toBeUndefined();
  });

  describe("the workspace's own policies", () => {
    const edited = structuredClone(policies);
    edited[1]!.rules[0]!.actions = ["read"];
    edited[1]!.minimumAuthenticationLevel = 4;
    const page = `http://localhost:3000/?${runLinkQuery({ scenario: forPersona("ola"), step: 3 })}`;

    it("travel in a link under MAX_LINK_LENGTH when an edited seed document is small enough, and come back unchanged", async () => {
      const encoded = await encodePolicies({ policies: edited });
      const link = withPolicies(page, encoded);
      expect(link).not.toBeNull();
      expect(link!.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
      const parsed = parseRunLink(new URL(link!).search);
      expect(parsed).toMatchObject({ scenario: forPersona("ola"), step: 3, policies: encoded });
      expect(await decodePolicies(parsed.policies!)).toEqual({ policies: edited });
      expect(parseRunLink(`?${runLinkQuery(parsed)}`)).toEqual(parsed);
    });

    it("stay out of a link they would make too long", async () => {
      const big = structuredClone(policies);
      // Descriptions of noise (a fixed xorshift sequence) do not deflate: this document cannot travel.
      let x = 2463534242;
      const noise = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0).toString(36));
      for (const rule of big.flatMap((p) => p.rules)) rule.description = Array.from({ length: 60 }, noise).join(" ");
      expect(withPolicies(page, await encodePolicies({ policies: big }))).toBeNull();
    });

    it("are read only as base64url of a bounded length; anything else is left out, never guessed at", async () => {
      for (const bad of ["a+b", "%7B%7D", "x".repeat(MAX_LINK_LENGTH + 1), ""]) expect(parseRunLink(`?policies=${bad}`)).not.toHaveProperty("policies");
      expect(await decodePolicies("bm90LWRlZmxhdGVk")).toBeNull();
      expect(await decodePolicies("!")).toBeNull();
    });

    it("refuse a link that inflates past what the workspace API accepts", async () => {
      const bomb = await encodePolicies({ policies: [{ resource: "r", rules: [], pad: "x".repeat(200_000) }] } as never);
      expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH);
      expect(await decodePolicies(bomb)).toBeNull();
    });
  });

  it("carries the workspace clock: a frozen instant, an offset and each side's skew, in seconds", () => {
    const link = { scenario: DEFAULT_SCENARIO, step: 5 as const, at: "2026-12-01T10:00:00Z", offset: 660, skewDp: 120, skewSp: -30 };
    const q = runLinkQuery(link);
    expect(q).toMatch(/&at=2026-12-01T10%3A00%3A00Z&offset=660&skew-dp=120&skew-sp=-30$/);
    expect(parseRunLink(`?${q}`)).toEqual(link);
    // A clock without a frozen instant travels too: the opener's clock then runs 11 minutes ahead.
    expect(parseRunLink("?offset=660")).toEqual({ scenario: DEFAULT_SCENARIO, step: -1, offset: 660 });
  });

  it("leaves out a clock the workspace API would refuse, and zeros, instead of guessing", () => {
    const bad = "?offset=1.5&skew-dp=3601&skew-sp=ten";
    expect(parseRunLink(bad)).toEqual({ scenario: DEFAULT_SCENARIO, step: -1 });
    expect(parseRunLink("?offset=0&skew-dp=-0&skew-sp=%2B15")).toEqual({ scenario: DEFAULT_SCENARIO, step: -1, skewSp: 15 });
    expect(parseRunLink(`?offset=${366 * 24 * 3600}`).offset).toBe(366 * 24 * 3600);
    expect(parseRunLink(`?offset=${366 * 24 * 3600 + 1}`)).not.toHaveProperty("offset");
  });
});
