import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configFromEnv } from "../config";
import { API_PREFIXES, apiSecurityHeaders, contentSecurityPolicy, isApiPath, newNonce, pageSecurityHeaders } from "./security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
// The same parse Next applies (next/dist/server/app-render/get-script-nonce-from-header.js).
const nextNonce = (csp: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src"))
    ?.split(/\s+/)
    .slice(1)
    .map((s) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(s)?.[1])
    .find(Boolean);

describe("the pages' Content-Security-Policy", () => {
  const sp = "http://127.0.0.1:3100";
  const csp = contentSecurityPolicy({ nonce: "abc-_123", serviceProviderOrigin: sp });
  const d = directives(csp);

  it("allows scripts only by this response's nonce, and never eval", () => {
    expect(d.get("script-src")).toEqual(["'nonce-abc-_123'", "'strict-dynamic'", "'self'"]);
    expect(nextNonce(csp)).toBe("abc-_123");
    expect(csp).not.toContain("unsafe-eval");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("falls back to nothing; styles from the stylesheet, inline style attributes only", () => {
    expect(d.get("default-src")).toEqual(["'none'"]);
    expect(d.get("style-src")).toEqual(["'self'"]);
    expect(d.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(d.get("img-src")).toEqual(["'self'"]);
    for (const unused of ["font-src", "frame-src", "worker-src", "manifest-src", "media-src"]) expect(d.has(unused)).toBe(false);
  });

  it("connects to its own origin and to the service provider's, as the browser reaches it", () => {
    expect(d.get("connect-src")).toEqual(["'self'", sp]);
    const fromEnv = configFromEnv({ PORT: "4000" }).serviceProviderOrigin;
    expect(directives(contentSecurityPolicy({ nonce: "n", serviceProviderOrigin: fromEnv })).get("connect-src")).toEqual(["'self'", "http://127.0.0.1:4000"]);
    // A path or trailing slash is reduced to the origin; junk adds nothing.
    expect(directives(contentSecurityPolicy({ nonce: "n", serviceProviderOrigin: "https://sp.example/x/" })).get("connect-src")).toEqual([
      "'self'",
      "https://sp.example",
    ]);
    expect(directives(contentSecurityPolicy({ nonce: "n", serviceProviderOrigin: "not a url; script-src *" })).get("connect-src")).toEqual(["'self'"]);
  });

  it("cannot be framed, has no base URI, posts forms only to itself, loads no plugins", () => {
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("relaxes only under next dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", serviceProviderOrigin: sp, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    expect(dev.get("font-src")).toEqual(["'self'"]);
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => contentSecurityPolicy({ nonce: "a'; script-src *", serviceProviderOrigin: sp })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy({ nonce: "", serviceProviderOrigin: sp })).toThrow(/nonce/);
  });
});

describe("nonces", () => {
  it("are 128 random bits in base64url, different every time", () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newNonce((b) => b.fill(0xff))).toBe("_____________________w");
  });
});

describe("which responses get which headers", () => {
  it("pages: CSP, nosniff, a referrer policy and no framing", () => {
    const h = pageSecurityHeaders({ nonce: "n", serviceProviderOrigin: "http://127.0.0.1:3100" });
    expect(Object.keys(h).sort()).toEqual(["content-security-policy", "referrer-policy", "x-content-type-options", "x-frame-options"]);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-frame-options"]).toBe("DENY");
  });

  it("APIs: nosniff only, so the mocks keep their real headers", () => {
    expect(apiSecurityHeaders()).toEqual({ "x-content-type-options": "nosniff" });
  });

  it("tells the mock services' paths from pages by their first segment", () => {
    for (const p of API_PREFIXES) {
      expect(isApiPath(`/${p}`)).toBe(true);
      expect(isApiPath(`/${p}/api/v1/x`)).toBe(true);
    }
    // Every catch-all route in app/ is a service's API (ADR 001).
    const app = new URL("../../app/", import.meta.url);
    const routes = readdirSync(app).filter((dir) => existsSync(new URL(`${dir}/[...path]/route.ts`, app)));
    expect(routes.length).toBeGreaterThan(0);
    for (const dir of routes) expect(API_PREFIXES).toContain(dir);
    for (const p of ["/", "/compare", "/catalogue", "/nope", "/dialogporten-docs", "/_not-found", "/x/dialogporten"]) expect(isApiPath(p)).toBe(false);
  });
});
