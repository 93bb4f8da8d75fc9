import { describe, expect, it } from "vitest";
import { personas } from "../seed/personas";
import { principalFromClaims } from "./principal";

describe("principalFromClaims", () => {
  it("derives c, l and the PDP subject for every seed persona", () => {
    const out = Object.fromEntries(personas.map((p) => [p.id, principalFromClaims(p.claims)]));
    expect(out.kari).toMatchObject({ ok: true, principal: { consumer: "urn:altinn:person:identifier-no:12888510018", level: 4 } });
    expect(out.ola).toMatchObject({ ok: true, principal: { level: 3, subject: { id: "urn:altinn:person:identifier-no" } } });
    expect(out["system-user"]).toMatchObject({
      ok: true,
      principal: {
        kind: "system-user",
        consumer: "urn:altinn:organization:identifier-no:310002747",
        systemUser: { org: "urn:altinn:organization:identifier-no:310001376" },
        level: 3,
        subject: { id: "urn:altinn:systemuser:uuid" },
      },
    });
    expect(out["email-user"]).toMatchObject({
      ok: true,
      principal: { consumer: "urn:altinn:person:idporten-email:siri.selvbetjent@example.com", level: 0, subject: { id: "urn:altinn:userid" } },
    });
  });

  it("maps acr values to levels and rejects unknown ones", () => {
    expect(principalFromClaims({ pid: "12888510018", acr: "idporten-loa-low" })).toMatchObject({ ok: true, principal: { level: 0 } });
    expect(principalFromClaims({ pid: "12888510018", acr: "Level3" })).toMatchObject({ ok: false, code: "unknown_authentication_level" });
    expect(principalFromClaims({ acr: "idporten-loa-high" })).toMatchObject({ ok: false, code: "no_end_user_identifier" });
  });
});
