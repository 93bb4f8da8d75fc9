import { describe, expect, it } from "vitest";
import { findPersona } from "@/lib/seed/personas";
import { accessClaimRows, readAccessToken } from "./access-token";

const claimsOf = (id: string) => ({ iss: "http://sandbox.test/id-porten", ...findPersona(id)!.claims, iat: 1, exp: 2 });

describe("reading the access token of step 0", () => {
  it("a person: pid becomes c and the subject, acr the level", () => {
    const r = readAccessToken(claimsOf("kari"));
    expect(r.hasDialogportenScope).toBe(true);
    expect(r.principal).toMatchObject({
      ok: true,
      principal: { kind: "person", level: 4, subject: { id: "urn:altinn:person:identifier-no" } },
    });
  });

  it("a system user: authorization_details gives y, o and the subject; consumer gives c; level 3", () => {
    const r = readAccessToken(claimsOf("system-user"));
    expect(r.principal.ok && r.principal.principal).toMatchObject({ kind: "system-user", level: 3, subject: { id: "urn:altinn:systemuser:uuid" } });
    const p = r.principal.ok ? r.principal.principal : null;
    expect(p?.systemUser?.org).toMatch(/^urn:altinn:organization:identifier-no:\d{9}$/);
    expect(p?.consumer).not.toBe(p?.systemUser?.org);
  });

  it("without the scope, or without an identity, says so with Dialogporten's codes", () => {
    expect(readAccessToken({ ...claimsOf("kari"), scope: "openid" }).hasDialogportenScope).toBe(false);
    expect(readAccessToken({ scope: "digdir:dialogporten", acr: "idporten-loa-high" }).principal).toMatchObject({ ok: false, code: "no_end_user_identifier" });
    expect(readAccessToken({ pid: "1", acr: "nope" }).principal).toMatchObject({ ok: false, code: "unknown_authentication_level" });
  });

  it("explains every claim in both languages, the ones it does not know as unread", () => {
    const rows = accessClaimRows({ ...claimsOf("kari"), foo: 1 });
    expect(rows.map((r) => r.claim)).toContain("pid");
    for (const r of rows) expect(r.meaning.en && r.meaning.nb, r.claim).toBeTruthy();
    expect(rows.find((r) => r.claim === "foo")?.meaning.en).toBe("Not read by Dialogporten.");
  });
});
