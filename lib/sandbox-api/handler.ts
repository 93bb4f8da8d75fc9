import type { KeyPair2 } from "../keys/keys";
import { json } from "../shared/problem";
import { problem } from "./codes";
import { readJson, router } from "../shared/router";
import type { Clock, Handler } from "../shared/types";
import { RESIGN_PATH, TEST_TOKEN_PATH } from "./client";
import { mintDialogToken, parseMintRequest } from "./mint";
import { openApiDocument } from "./openapi";
import type { RelayPolicy } from "./relay";
import { parseResignRequest, resignDialogToken } from "./resign";
import { parseRelayRequest, relayCall } from "./relay";

/**
 * The sandbox's own API, beside the mocks: test tokens on demand, the conformance relay and the OpenAPI
 * document of every endpoint. A service of its own (docs/design.md, principle 1); it gets Dialogporten's
 * keys injected by lib/sandbox.ts and imports no other service.
 */

export const SANDBOX_API = "/sandbox/api/v1";
export const RELAY_PATH = `${SANDBOX_API}/conformance/relay`;
export const OPENAPI_PATH = `${SANDBOX_API}/openapi.json`;

/** A test-token request is a handful of claims; 8 KB is generous. */
const MAX_MINT_BODY = 8 * 1024;
/** A relay request may carry a 64 KB token (the oversize attack) and its JSON around it. */
const MAX_RELAY_BODY = 96 * 1024;

export interface SandboxApiOptions {
  /** Public origin, for the OpenAPI document's server. */
  origin: string;
  issuer: string;
  keys: KeyPair2;
  now: Clock;
  /** Off in a deployment with its own seed that does not want anyone minting with its keys. */
  testTokens: boolean;
  relay: RelayPolicy;
}

const noStore = { "cache-control": "no-store" };
const TITLES: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway", 504: "Gateway Timeout" };

/** Minting and re-signing both put the sandbox's Dialogporten key to a caller's claims; one switch turns both off. */
const testTokensOff = (instance: string) =>
  problem({
    status: 403,
    title: "Forbidden",
    code: "test_tokens_disabled",
    detail: "This sandbox signs no test tokens (SANDBOX_TEST_TOKENS=off): it neither mints nor re-signs.",
    instance,
  });

export function createSandboxApi(opts: SandboxApiOptions): Handler {
  const kids = [opts.keys.primary.kid, opts.keys.secondary.kid];

  async function mint(request: Request): Promise<Response> {
    const instance = new URL(request.url).pathname;
    if (!opts.testTokens) return testTokensOff(instance);
    const body = await readJson(request, MAX_MINT_BODY);
    if (!body.ok) return body.response;
    const parsed = parseMintRequest(body.value, kids);
    if (!parsed.ok) return problem({ status: 400, title: "Bad Request", code: parsed.code, detail: parsed.detail, instance });
    const minted = await mintDialogToken(parsed.value, { keys: opts.keys, issuer: opts.issuer, now: opts.now() });
    return json(minted, { status: 201, headers: noStore });
  }

  async function resign(request: Request): Promise<Response> {
    const instance = new URL(request.url).pathname;
    if (!opts.testTokens) return testTokensOff(instance);
    const body = await readJson(request, MAX_MINT_BODY);
    if (!body.ok) return body.response;
    const parsed = parseResignRequest(body.value, kids);
    if (!parsed.ok) return problem({ status: 400, title: "Bad Request", code: parsed.code, detail: parsed.detail, instance });
    return json(await resignDialogToken(parsed.value, opts.keys), { headers: noStore });
  }

  async function relay(request: Request): Promise<Response> {
    const instance = new URL(request.url).pathname;
    const body = await readJson(request, MAX_RELAY_BODY);
    if (!body.ok) return body.response;
    const parsed = parseRelayRequest(body.value, opts.relay.origins);
    const result = parsed.ok ? await relayCall(parsed.value, opts.relay, request.signal) : parsed;
    if (!result.ok)
      return problem({ status: result.status, title: TITLES[result.status] ?? "Bad Request", code: result.code, detail: result.detail, instance });
    return json(result.value, { headers: noStore });
  }

  return router([
    { path: TEST_TOKEN_PATH, methods: { POST: mint } },
    { path: RESIGN_PATH, methods: { POST: resign } },
    { path: RELAY_PATH, methods: { POST: relay } },
    { path: OPENAPI_PATH, methods: { GET: async () => json(openApiDocument(opts.origin), { headers: { "cache-control": "public, max-age=300" } }) } },
  ]);
}
