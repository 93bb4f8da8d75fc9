import { describe, expect, it } from "vitest";
import { encodeText } from "@/lib/shared/base64url";
import { diffTokens } from "./catalogue-token-diff";

const part = (o: unknown) => encodeText(JSON.stringify(o));
const header = part({ alg: "EdDSA", typ: "JWT", kid: "dp-sandbox-1" });
const payload = part({ i: "d1", a: "read", exp: 100 });
const token = `${header}.${payload}.c2lnbmF0dXJl`;

describe("what an attack changed in the token", () => {
  it("names the header member that changed, and nothing else", () => {
    const d = diffTokens(token, `${part({ alg: "none", typ: "JWT", kid: "dp-sandbox-1" })}.${payload}.`);
    expect(d.same).toBe(false);
    expect(d.parts.map((p) => p.changed)).toEqual([true, false, true]);
    expect(d.parts[0]!.fields).toEqual([{ name: "alg", kind: "changed", before: '"EdDSA"', after: '"none"' }]);
    expect(d.parts[2]!.after).toBe("");
  });

  it("tells added and removed claims apart", () => {
    const d = diffTokens(token, `${header}.${part({ i: "d1", exp: 100, jku: "https://evil" })}.c2lnbmF0dXJl`);
    expect(d.parts[1]!.fields).toEqual([
      { name: "a", kind: "removed", before: '"read"' },
      { name: "jku", kind: "added", after: '"https://evil"' },
    ]);
  });

  it("shows a payload that is no JSON object as text, without members", () => {
    const d = diffTokens(token, `${header}.${encodeText("[1,2]")}.c2lnbmF0dXJl`);
    expect(d.parts[1]).toMatchObject({ changed: true, fields: [], after: "[1,2]" });
  });

  it("says when the token went out unchanged", () => {
    expect(diffTokens(token, token)).toMatchObject({ same: true, parts: [{ changed: false }, { changed: false }, { changed: false }] });
  });
});
