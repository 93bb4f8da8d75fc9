import { describe, expect, it } from "vitest";
import { deriveDialogportenKeys } from "../keys/keys";
import { decodeText } from "../shared/base64url";
import { buildClaims, issueDialogToken } from "./token";
import { DIALOG_TOKEN_CLAIM_ORDER, dotnetJson } from "../altinn/dialog-token";
import type { Principal } from "../altinn/principal";

const dialog = {
  id: "0194FE82-9280-77A5-A7CD-5FF0E6A6FA07",
  party: "urn:altinn:organization:identifier-no:310001376",
  serviceResource: "urn:altinn:resource:x",
};
const systemUser: Principal = {
  kind: "system-user",
  consumer: "urn:altinn:organization:identifier-no:310002747",
  systemUser: { id: "urn:altinn:systemuser:uuid:5b8c2a47-3f61-4e0a-9d1c-7a2f4e6b8c10", org: "urn:altinn:organization:identifier-no:310001376" },
  supplier: "urn:altinn:organization:identifier-no:310000000",
  level: 3,
  subject: { id: "urn:altinn:systemuser:uuid", value: "5b8c2a47-3f61-4e0a-9d1c-7a2f4e6b8c10" },
};

describe("dialog token", () => {
  it("has the claims in the generator's order, nbf = iat and exp = iat + 600", () => {
    const claims = buildClaims(
      { principal: systemUser, dialog, permitted: [{ name: "read", attribute: "main" }], issuer: "http://x/dialogporten/api/v1" },
      1_739_523_367_900,
      "j",
    );
    expect(Object.keys(claims)).toEqual([...DIALOG_TOKEN_CLAIM_ORDER]);
    expect(claims).toMatchObject({ i: dialog.id.toLowerCase(), a: "read", iat: 1_739_523_367, nbf: 1_739_523_367, exp: 1_739_523_967 });
  });

  it("omits y, o and u for a person", () => {
    const person: Principal = {
      kind: "person",
      consumer: "urn:altinn:person:identifier-no:12888510018",
      level: 4,
      subject: { id: "urn:altinn:person:identifier-no", value: "12888510018" },
    };
    const claims = buildClaims({ principal: person, dialog, permitted: [], issuer: "i" }, 0, "j");
    expect(Object.keys(claims)).toEqual(["jti", "c", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp"]);
    expect(claims.a).toBe("");
  });

  it("escapes like System.Text.Json", () => {
    expect(dotnetJson({ c: "urn:altinn:person:idporten-email:siri+test@example.com", n: "Ærlig <b>" })).toBe(
      '{"c":"urn:altinn:person:idporten-email:siri\\u002Btest@example.com","n":"\\u00C6rlig \\u003Cb\\u003E"}',
    );
  });

  it("signs with the primary key and the real header order", async () => {
    const keys = await deriveDialogportenKeys("t");
    const { token } = await issueDialogToken({ principal: systemUser, dialog, permitted: [], issuer: "i" }, { key: keys.primary, now: 0 });
    expect(decodeText(token.split(".")[0]!)).toBe(`{"alg":"EdDSA","typ":"JWT","kid":"${keys.primary.kid}"}`);
  });
});
