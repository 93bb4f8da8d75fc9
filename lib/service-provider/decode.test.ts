import { describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { formatAction, parseActions, tokenGrants } from "../altinn/dialog-token";
import { TT02_TOKEN } from "./fixtures/tt02-token";

describe("parseActions", () => {
  it("splits on ; and takes everything after the first comma as the attribute", () => {
    expect(parseActions("read;write;sign;elementread,urn:altinn:subresource:authorizationattribute1")).toEqual([
      { name: "read" },
      { name: "write" },
      { name: "sign" },
      { name: "elementread", attribute: "urn:altinn:subresource:authorizationattribute1" },
    ]);
    expect(parseActions("read;delete,urn:altinn:task:Task_1")).toEqual([{ name: "read" }, { name: "delete", attribute: "urn:altinn:task:Task_1" }]);
  });

  it("treats the empty claim as no actions and main as no attribute", () => {
    expect(parseActions("")).toEqual([]);
    expect(parseActions(";;")).toEqual([]);
    expect(parseActions("read,urn:altinn:subresource:main;write,main")).toEqual([{ name: "read" }, { name: "write" }]);
  });

  it("formats back to the claim's spelling", () => {
    expect(formatAction({ name: "delete", attribute: "urn:altinn:task:Task_1" })).toBe("delete,urn:altinn:task:Task_1");
    expect(formatAction({ name: "read", attribute: "urn:altinn:subresource:main" })).toBe("read");
  });

  it("grants only the exact pair (#4043)", () => {
    expect(tokenGrants("read;delete,urn:altinn:task:Task_1", { name: "delete" })).toBe(false);
    expect(tokenGrants("read;delete,urn:altinn:task:Task_1", { name: "delete", attribute: "urn:altinn:task:Task_1" })).toBe(true);
    expect(tokenGrants("read;delete", { name: "delete", attribute: "urn:altinn:task:Task_1" })).toBe(false);
  });
});

describe("decodeToken", () => {
  it("splits the real token without verifying it", () => {
    const d = decodeToken(TT02_TOKEN);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.header.kid).toBe("dp-staging-240322-o5ymn");
    expect(Object.keys(d.payload)).toEqual(["jti", "c", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp"]);
    expect(d.signature.length).toBe(64);
    expect(`${d.parts.header}.${d.parts.payload}.${d.parts.signature}`).toBe(TT02_TOKEN);
  });

  it("reports what it could decode when a later part is broken", () => {
    const [h] = TT02_TOKEN.split(".");
    const d = decodeToken(`${h}.!!.x`);
    expect(d).toMatchObject({ ok: false, code: "token_malformed", header: { alg: "EdDSA" } });
    expect(decodeToken(42)).toMatchObject({ ok: false, code: "token_malformed" });
    expect(decodeToken("x".repeat(9000))).toMatchObject({ ok: false, code: "token_too_large" });
  });
});
