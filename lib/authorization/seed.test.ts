import { describe, expect, it } from "vitest";
import { EMAIL_USER, PARTY } from "../seed/parties";
import { findPersona, type PersonaId } from "../seed/personas";
import { policies, roleAssignments } from "../seed/policies";
import { RESOURCE, serviceResources } from "../seed/resources";
import type { XacmlResult } from "../altinn/xacml";
import { decide } from "./decide";
import { parseXacmlRequest } from "./parse";
import { dpRequest, labelled } from "./request.test-helper";

/** The subject Dialogporten sends for a persona: userid, then pid, then system user (docs/real-systems.md §4.2). */
function subjectOf(id: PersonaId): string {
  const claims = findPersona(id)?.claims ?? {};
  if (typeof claims["urn:altinn:userid"] === "string") return `urn:altinn:userid:${claims["urn:altinn:userid"]}`;
  if (typeof claims.pid === "string") return `urn:altinn:person:identifier-no:${claims.pid}`;
  const details = claims.authorization_details as { systemuser_id: string[] }[] | undefined;
  return `urn:altinn:systemuser:uuid:${details?.[0]?.systemuser_id[0]}`;
}

/** Dialogporten's exception for self-identified users: the party is their own partyid from the token. */
const partyFor = (party: string) => (party === PARTY.emailUser ? `urn:altinn:partyid:${EMAIL_USER.partyId}` : party);

function decisions(persona: PersonaId, party: string, resource: string, actions: [string, string?][]) {
  const request = dpRequest({ subject: subjectOf(persona), party: partyFor(party), resource, actions });
  const parsed = parseXacmlRequest(JSON.parse(JSON.stringify(request)));
  if (!parsed.ok) throw new Error(parsed.code);
  const { response, explanations } = decide(parsed.request, { policies, roles: roleAssignments, resources: serviceResources });
  return {
    byPair: labelled(
      request,
      response.Response.map((r) => r.Decision),
    ),
    response,
    explanations,
  };
}

const levelOf = (results: XacmlResult[]) => results.find((r) => r.Decision === "Permit")?.Obligations?.[0]?.AttributeAssignment[0]?.Value;

const VAT_ACTIONS: [string, string?][] = [
  ["read"],
  ["write"],
  ["sign", "urn:altinn:task:Task_2"],
  ["delete", "urn:altinn:task:Task_1"],
  ["transmissionread", "urn:altinn:subresource:revisjon"],
];

describe("seed personas × seed resources", () => {
  it("the subjects are the ones Dialogporten would send", () => {
    expect(subjectOf("ola")).toBe("urn:altinn:person:identifier-no:03858040190");
    expect(subjectOf("system-user")).toBe("urn:altinn:systemuser:uuid:5b8c2a47-3f61-4e0a-9d1c-7a2f4e6b8c10");
    expect(subjectOf("email-user")).toBe("urn:altinn:userid:20012345");
  });

  it("Ola, daglig leder, may do everything on the bakery's VAT return", () => {
    const { byPair, response } = decisions("ola", PARTY.bakery, RESOURCE.vatReturn, VAT_ACTIONS);
    expect(byPair).toEqual({
      "read@main": "Permit",
      "write@main": "Permit",
      "sign@Task_2": "Permit",
      "delete@Task_1": "Permit",
      "transmissionread@revisjon": "Permit",
    });
    for (const r of response.Response) expect(r.Obligations?.[0]?.AttributeAssignment[0]?.Value).toBe("3");
  });

  it("Ola's main-only rules do not leak to other tasks or subresources", () => {
    const { byPair } = decisions("ola", PARTY.bakery, RESOURCE.vatReturn, [
      ["read", "urn:altinn:subresource:revisjon"],
      ["sign", "urn:altinn:task:Task_1"],
      ["delete", "urn:altinn:task:Task_2"],
    ]);
    expect(byPair).toEqual({ "read@revisjon": "NotApplicable", "sign@Task_1": "NotApplicable", "delete@Task_2": "NotApplicable" });
  });

  it("the system user may read and write, is denied signing, and has nothing for delete or the auditor's report", () => {
    const { byPair, explanations } = decisions("system-user", PARTY.bakery, RESOURCE.vatReturn, VAT_ACTIONS);
    expect(byPair).toEqual({
      "read@main": "Permit",
      "write@main": "Permit",
      "sign@Task_2": "Deny",
      "delete@Task_1": "NotApplicable",
      "transmissionread@revisjon": "NotApplicable",
    });
    expect(explanations.find((e) => e.action === "sign")).toMatchObject({
      reason: "rule_deny",
      ruleId: "mva-6",
      roles: ["urn:altinn:accesspackage:merverdiavgift"],
    });
    expect(explanations.find((e) => e.action === "delete")).toMatchObject({ reason: "no_matching_rule" });
  });

  it("Kari has no role for the bakery", () => {
    const { byPair, explanations } = decisions("kari", PARTY.bakery, RESOURCE.vatReturn, VAT_ACTIONS);
    expect(Object.values(byPair)).toEqual(Array(5).fill("NotApplicable"));
    expect(new Set(explanations.map((e) => e.reason))).toEqual(new Set(["no_roles"]));
  });

  it("Kari may do everything on her own tax return, and the empty read rule leaks to the vedtak subresource", () => {
    const { byPair, explanations } = decisions("kari", PARTY.kari, RESOURCE.taxReturn, [
      ["read"],
      ["write"],
      ["delete", "urn:altinn:task:Task_1"],
      ["transmissionread", "urn:altinn:subresource:vedtak"],
      ["read", "urn:altinn:subresource:vedtak"],
    ]);
    expect(byPair).toEqual({
      "read@main": "Permit",
      "write@main": "Permit",
      "delete@Task_1": "Permit",
      "transmissionread@vedtak": "Permit",
      "read@vedtak": "Permit",
    });
    // This is why Dialogporten asks for transmissionread on subresources (docs/real-systems.md §4.4).
    expect(explanations.find((e) => e.action === "read" && e.attributes[0]?.value === "vedtak")).toMatchObject({ ruleId: "skattemelding-1" });
  });

  it("nobody else may act on Kari's tax return", () => {
    for (const persona of ["ola", "system-user", "email-user"] as const) {
      const { byPair } = decisions(persona, PARTY.kari, RESOURCE.taxReturn, [["read"], ["transmissionread", "urn:altinn:subresource:vedtak"]]);
      expect(Object.values(byPair), persona).toEqual(["NotApplicable", "NotApplicable"]);
    }
  });

  it("the e-mail user is matched through urn:altinn:userid and urn:altinn:partyid", () => {
    const { byPair, response, explanations } = decisions("email-user", PARTY.emailUser, RESOURCE.fishingLicence, [["read"], ["write"], ["delete"]]);
    expect(byPair).toEqual({ "read@main": "Permit", "write@main": "Permit", "delete@main": "NotApplicable" });
    expect(levelOf(response.Response)).toBe("0");
    expect(explanations.find((e) => e.decision === "Permit")).toMatchObject({
      subject: "urn:altinn:userid:20012345",
      party: "urn:altinn:partyid:51234567",
      roles: ["urn:altinn:rolecode:PRIV"],
    });
  });

  it("the e-mail user's e-mail party URN is not a party the PDP knows", () => {
    const request = dpRequest({ subject: subjectOf("email-user"), party: PARTY.emailUser, resource: RESOURCE.fishingLicence, actions: [["read"]] });
    const { response, explanations } = decide(request.Request, { policies, roles: roleAssignments, resources: serviceResources });
    expect(response.Response[0]?.Decision).toBe("Indeterminate");
    expect(explanations[0]?.reason).toBe("missing_party");
  });

  it("Ola may read his building application; the PDP permits and only reports the level (4) he has not reached", () => {
    const { byPair, response } = decisions("ola", PARTY.ola, RESOURCE.buildingPermit, [["read"], ["write"], ["delete"]]);
    expect(byPair).toEqual({ "read@main": "Permit", "write@main": "Permit", "delete@main": "NotApplicable" });
    expect(levelOf(response.Response)).toBe("4");
  });

  it("the system user has no rights on resources other than the VAT return", () => {
    for (const resource of [RESOURCE.taxReturn, RESOURCE.fishingLicence, RESOURCE.buildingPermit]) {
      const { byPair } = decisions("system-user", PARTY.bakery, resource, [["read"]]);
      expect(byPair["read@main"], resource).toBe("NotApplicable");
    }
  });
});
