import { describe, expect, it } from "vitest";
import { policies } from "@/lib/seed/policies";
import { actionChoices, attributeChoices, errorsAt, holdersOf, newRule, otherErrors, resourceOf, roleChoices, sameDocument, withLevels } from "./policy-model";
import { attributesText, holdersText } from "./policy-texts";

const seed = { policies };
const policy = (key: string) => policies.find((p) => p.resource === key)!;

describe("the policy editor's model", () => {
  it("finds each seed policy's resource and spells out the registry's level, without counting that as a change", () => {
    expect(policies.map((p) => resourceOf(p)?.title)).toEqual([
      "Skattemelding (sandbox)",
      "MVA-melding (sandbox)",
      "Fiskekort (sandbox)",
      "Byggesøknad (sandbox)",
    ]);
    expect(withLevels(seed).policies.map((p) => p.minimumAuthenticationLevel)).toEqual([3, 3, 0, 4]);
    expect(sameDocument(withLevels(seed), seed)).toBe(true);
    const raised = { policies: policies.map((p, i) => (i === 1 ? { ...p, minimumAuthenticationLevel: 4 } : p)) };
    expect(sameDocument(raised, seed)).toBe(false);
  });

  it("names the personas behind each role, for whom, from the seed's role assignments", () => {
    expect(holdersOf("urn:altinn:rolecode:DAGL")).toEqual([{ persona: "Ola Nordmann", party: "Sandbox Bakeri AS", self: false }]);
    expect(holdersOf("urn:altinn:rolecode:PRIV").map((h) => [h.persona, h.self])).toEqual([
      ["Kari Nordmann", true],
      ["Ola Nordmann", true],
      ["Siri Selvbetjent", true],
    ]);
    // Both system-user personas are the same system user.
    expect(holdersOf("urn:altinn:accesspackage:merverdiavgift").map((h) => h.persona)).toEqual([
      "Regnskapssystem (system user)",
      "Regnskapssystem via driftspartner (supplier)",
    ]);
    expect(holdersText(holdersOf("urn:altinn:rolecode:DAGL"))).toEqual({ en: "Ola Nordmann for Sandbox Bakeri AS", nb: "Ola Nordmann for Sandbox Bakeri AS" });
    expect(holdersText(holdersOf("urn:altinn:rolecode:REGNA")).en).toBe("No persona holds it in the seed.");
  });

  it("offers the roles, actions and attributes the seed uses, and keeps whatever a document adds", () => {
    expect(roleChoices(seed)).toEqual(["urn:altinn:rolecode:PRIV", "urn:altinn:rolecode:DAGL", "urn:altinn:accesspackage:merverdiavgift"]);
    const custom = {
      policies: [{ resource: "x", rules: [{ ...newRule(policy("sandbox-byggesak")), subjects: ["urn:altinn:rolecode:REGNA"], actions: ["pay"] }] }],
    };
    expect(roleChoices(seed, custom).at(-1)).toBe("urn:altinn:rolecode:REGNA");
    expect(actionChoices(seed)).toEqual(["read", "write", "sign", "delete", "transmissionread"]);
    expect(actionChoices(seed, custom).at(-1)).toBe("pay");
    const vat = attributeChoices(policy("sandbox-mva-melding")).map((a) => attributesText(a).en);
    expect(vat).toEqual(["Any subresource or task", "subresource main", "subresource revisjon", "task Task_1", "task Task_2"]);
    // The fishing licence's dialogs never ask about fangstrapport, but its policy names it: still offered.
    expect(attributeChoices(policy("sandbox-fiskekort")).map((a) => attributesText(a).nb)).toContain("underressurs fangstrapport");
  });

  it("numbers a new rule after the policy's own and permits nothing with it", () => {
    expect(newRule(policy("sandbox-mva-melding"))).toEqual({ id: "mva-7", description: "", effect: "Permit", subjects: [], actions: [], resource: [] });
    expect(newRule({ resource: "sandbox-ny", rules: [] }).id).toBe("sandbox-ny-1");
  });

  it("puts each server error beside its field, and lists the rest with their path", () => {
    const errors = {
      "$.policies[1].rules[0].actions[2]": ["Must be a non-empty string."],
      "$.policies[1].rules[10].id": ["Must be a non-empty string."],
      "$.policies[0].minimumAuthenticationLevel": ["Must be one of the authentication levels 0, 1, 2, 3, 4."],
      "$.policies[2].resource": ["Each resource has one policy."],
    };
    expect(errorsAt(errors, "$.policies[1].rules[0].actions")).toEqual(["Must be a non-empty string."]);
    expect(errorsAt(errors, "$.policies[1].rules[1]")).toEqual([]);
    expect(otherErrors(errors, seed).map(([path]) => path)).toEqual(["$.policies[1].rules[10].id", "$.policies[2].resource"]);
  });
});
