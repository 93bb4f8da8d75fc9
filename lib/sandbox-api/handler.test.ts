import { createServer, type Server } from "node:http";
import { http, passthrough } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWithJwks } from "@/e2e/providers/provider.mjs";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { testConfig } from "../config";
import { deriveDialogportenKeys } from "../keys/keys";
import { createSandbox } from "../sandbox";
import { DIALOG_ID } from "../seed/dialogs";
import { mintTestToken, TEST_TOKEN_PATH, TestTokenError } from "./client";
import { createSandboxApi, RELAY_PATH } from "./handler";

// The sandbox API over HTTP, in process (MSW routes every call to the same handlers the app serves).
const suite = sandboxSuite();
const url = (path: string) => `${suite.sandbox.config.origin}${path}`;
const post = (path: string, body: unknown, type = "application/json") =>
  fetch(url(path), { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("POST /sandbox/api/v1/dialog-tokens", () => {
  it("mints a token that verifies with node:crypto from the served JWKS alone, and that the sandbox's provider accepts", async () => {
    const res = await post(TEST_TOKEN_PATH, { i: DIALOG_ID.vatReturn, a: "read" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { token, claims } = (await res.json()) as { token: string; claims: Record<string, unknown> };
    const jwks = (await (await fetch(url("/dialogporten/api/v1/.well-known/jwks.json"))).json()) as { keys: object[] };
    expect(verifyWithJwks(token, jwks).claims).toEqual(claims);
    expect(claims.iss).toBe(`${suite.sandbox.config.origin}/dialogporten/api/v1`);
    const embed = await fetch(`${suite.sandbox.config.serviceProviderOrigin}/service-provider/fce/${DIALOG_ID.vatReturn}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(embed.status).toBe(200);
  });

  it("answers alg none, an unknown kid and bad bodies with a 400 problem, never a token", async () => {
    for (const [body, code] of [
      [{ alg: "none" }, "alg_not_mintable"],
      [{ kid: "dp-sandbox-261129-zzzzz" }, "kid_unknown"],
      [{ jku: "https://attacker.example/jwks.json" }, "header_not_mintable"],
      [{ aud: "x" }, "claim_not_mintable"],
      [{ exp: "tomorrow" }, "claim_invalid"],
      ["[1,2]", "body_not_object"],
      ["{not json", "malformed_json"],
    ] as const) {
      const res = await post(TEST_TOKEN_PATH, body);
      expect(res.status, code).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 400, code });
    }
    expect((await post(TEST_TOKEN_PATH, "i=x", "application/x-www-form-urlencoded")).status).toBe(415);
    // Straight to the handler: the 413 answers before the body is read, which MSW's in-process fetch waits for.
    const huge = new Request(url(TEST_TOKEN_PATH), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ c: "x".repeat(9000) }),
    });
    expect((await suite.sandbox.handle(huge)).status).toBe(413);
    expect((await fetch(url(TEST_TOKEN_PATH))).status).toBe(405);
  });

  it("the typed client returns the token, and throws the problem", async () => {
    const f = (i: string, init?: RequestInit) => fetch(i, init);
    const minted = await mintTestToken(suite.sandbox.config.origin, { a: "write", l: 4 }, f);
    expect(minted.claims).toMatchObject({ a: "write", l: 4 });
    const error = await mintTestToken(suite.sandbox.config.origin, { typ: "x" as never }, f).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestTokenError);
    expect(error).toMatchObject({ status: 400, problem: { code: "typ_not_mintable" } });
  });

  it("a sandbox with SANDBOX_TEST_TOKENS=off mints nothing", async () => {
    const off = await createSandbox(testConfig({ testTokens: false }), { fetch: (i, init) => fetch(i, init) });
    const res = await off.handle(new Request(url(TEST_TOKEN_PATH), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "test_tokens_disabled" });
  });
});

describe("POST /sandbox/api/v1/conformance/relay", () => {
  let target: Server;
  let seen: { method?: string; headers: Record<string, string | string[] | undefined> }[] = [];
  let targetUrl = "";
  beforeAll(async () => {
    target = createServer((req, res) => {
      seen.push({ method: req.method, headers: req.headers });
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 60_000).unref();
      if (req.url === "/big") return void res.end("x".repeat(200 * 1024));
      if (req.url === "/redirect") return void res.writeHead(302, { location: "http://example.com/" }).end();
      res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-type": "text/plain" }).end("no");
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => target.close(() => r())));
  const relay = (body: unknown) => {
    suite.server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
    return post(RELAY_PATH, body);
  };

  it("calls a loopback provider with the given tokens and returns its answer", async () => {
    seen = [];
    const res = await relay({
      url: `${targetUrl}/dialogs/x`,
      method: "DELETE",
      headers: [
        ["authorization", "Bearer a.b.c"],
        ["cookie", "dialog_token=a.b.c"],
      ],
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { status: number; headers: [string, string][]; body: string; truncated: boolean };
    expect(answer).toMatchObject({ status: 401, body: "no", truncated: false });
    expect(answer.headers).toContainEqual(["www-authenticate", 'Bearer error="invalid_token"']);
    expect(seen[0]).toMatchObject({ method: "DELETE", headers: { authorization: "Bearer a.b.c", cookie: "dialog_token=a.b.c" } });
  });

  it("is no open proxy: other origins, other headers, other schemes and methods are refused", async () => {
    for (const [body, status, code] of [
      [{ url: "http://example.com/", headers: [] }, 403, "relay_origin_not_allowed"],
      [{ url: "http://10.0.0.1/", headers: [] }, 403, "relay_origin_not_allowed"],
      [{ url: "file:///etc/passwd", headers: [] }, 400, "relay_url_invalid"],
      [{ url: `http://user:pw@127.0.0.1:1/`, headers: [] }, 400, "relay_url_invalid"],
      [{ url: `${targetUrl}/`, headers: [["host", "internal"]] }, 400, "relay_header_not_allowed"],
      [{ url: `${targetUrl}/`, method: "CONNECT", headers: [] }, 400, "relay_method_not_allowed"],
      [{ url: 42 }, 400, "relay_request_invalid"],
    ] as const) {
      const res = await relay(body);
      expect(res.status, code).toBe(status);
      expect(await res.json()).toMatchObject({ code });
    }
  });

  it("does not follow redirects and reads at most 64 KB of the answer", async () => {
    const redirect = (await (await relay({ url: `${targetUrl}/redirect`, headers: [] })).json()) as { status: number };
    expect(redirect.status).toBe(302);
    const big = (await (await relay({ url: `${targetUrl}/big`, headers: [] })).json()) as { body: string; truncated: boolean };
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBe(64 * 1024);
  });

  it("answers 502 for a provider that is not there, and 504 after its timeout", async () => {
    expect(await (await relay({ url: "http://127.0.0.1:9/", headers: [] })).json()).toMatchObject({ status: 502, code: "relay_target_unreachable" });
    // The same API with a short timeout; the provider's /slow never answers in time.
    const api = createSandboxApi({
      origin: "http://sandbox.test",
      issuer: "i",
      keys: await deriveDialogportenKeys("s"),
      now: Date.now,
      testTokens: true,
      relay: { origins: ["loopback"], fetch: (i, init) => fetch(i, init), timeoutMs: 200, maxResponseBytes: 1024 },
    });
    const res = await api(
      new Request(url(RELAY_PATH), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: `${targetUrl}/slow`, headers: [] }),
      }),
    );
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: "relay_timeout" });
  });

  it("can be switched off", async () => {
    const off = await createSandbox(testConfig({ relayOrigins: [] }), { fetch: (i, init) => fetch(i, init) });
    const res = await off.handle(
      new Request(url(RELAY_PATH), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: `${targetUrl}/`, headers: [] }),
      }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "relay_disabled" });
  });
});
