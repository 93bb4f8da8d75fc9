import type { ConfiguredKey } from "./keys/keys";
import { PUBLIC_DEFAULT_SEED } from "./keys/keys";

/** Everything a sandbox instance needs to know, resolved once from the environment. */
export interface SandboxConfig {
  /** Public origin of Dialogporten; the token issuer is `<origin>/dialogporten/api/v1`. */
  origin: string;
  /** Base URLs for server-to-server calls (docs/design.md, principle 3). Never taken from a request's Host header. */
  internal: { dialogporten: string; authorization: string; idporten: string };
  /** Base URL of the service provider as the browser reaches it (replaces `{sp}` in dialog URLs). */
  serviceProviderOrigin: string;
  seed: string;
  /** Keys from configuration instead of the seed, in Dialogporten's own settings shape. */
  dialogportenKeys?: { primary: ConfiguredKey; secondary: ConfiguredKey };
  /** Leeway the service provider allows on `nbf`/`exp`. */
  clockSkewSeconds: number;
  /** How long the service provider keeps a fetched JWKS (≤ 24 h, as the docs require). */
  jwksCacheTtlSeconds: number;
  /** Browser origins the service provider accepts for CORS. */
  allowedOrigins: string[];
  /**
   * `Access-Control-Max-Age` on the service provider's preflight answers. 0 (the default) makes
   * Chromium preflight before every call, so each one shows up in the trace (ADR 010).
   */
  corsMaxAgeSeconds: number;
  /** Simulated network latency on every call to Altinn Authorization, in ms (the legacy comparison). */
  pdpLatencyMs: number;
  /** How long after its 202 the service provider applies a queued write action (≤ 1 s). */
  writeQueueDelayMs: number;
  /** A fixed clock for every workspace (ISO 8601 instant): reproducible tokens, e.g. for golden files. */
  fixedClock?: string;
  /** Whether `POST /sandbox/api/v1/dialog-tokens` mints test tokens with Dialogporten's key. */
  testTokens: boolean;
  /** Origins the conformance relay may call: exact origins or `loopback`; empty when the relay is off. */
  relayOrigins: string[];
}

export type Env = Record<string, string | undefined>;

const MAX_JWKS_TTL = 86_400;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function int(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in [${min}, ${max}], got "${value}"`);
  return n;
}

function instant(value: string, name: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`${name} must be an ISO 8601 instant such as 2026-12-01T10:00:00Z, got "${value}"`);
  return new Date(ms).toISOString();
}

export function issuerOf(config: Pick<SandboxConfig, "origin">): string {
  return `${config.origin}/dialogporten/api/v1`;
}

export function configFromEnv(env: Env): SandboxConfig {
  const port = env.PORT ?? "3000";
  const origin = trimSlash(env.SANDBOX_ORIGIN ?? `http://localhost:${port}`);
  const internalBase = trimSlash(env.SANDBOX_INTERNAL_URL ?? `http://localhost:${port}`);
  const spOrigin = trimSlash(env.SANDBOX_SP_ORIGIN ?? otherHostOrigin(origin));
  const keys = env.SANDBOX_DP_KEYS ? parseKeys(env.SANDBOX_DP_KEYS) : undefined;
  return {
    origin,
    internal: {
      dialogporten: trimSlash(env.SANDBOX_DIALOGPORTEN_URL ?? internalBase),
      authorization: trimSlash(env.SANDBOX_AUTHORIZATION_URL ?? internalBase),
      idporten: trimSlash(env.SANDBOX_IDPORTEN_URL ?? internalBase),
    },
    serviceProviderOrigin: spOrigin,
    seed: env.SANDBOX_SEED || PUBLIC_DEFAULT_SEED,
    dialogportenKeys: keys,
    clockSkewSeconds: int(env.SANDBOX_CLOCK_SKEW_SECONDS, 10, "SANDBOX_CLOCK_SKEW_SECONDS", 0, 300),
    jwksCacheTtlSeconds: int(env.SANDBOX_JWKS_TTL_SECONDS, 3600, "SANDBOX_JWKS_TTL_SECONDS", 0, MAX_JWKS_TTL),
    allowedOrigins: (env.SANDBOX_ALLOWED_ORIGINS ?? origin)
      .split(",")
      .map((o) => trimSlash(o.trim()))
      .filter(Boolean),
    corsMaxAgeSeconds: int(env.SANDBOX_CORS_MAX_AGE, 0, "SANDBOX_CORS_MAX_AGE", 0, 7200),
    pdpLatencyMs: int(env.SANDBOX_PDP_LATENCY_MS, 0, "SANDBOX_PDP_LATENCY_MS", 0, MAX_PDP_LATENCY_MS),
    writeQueueDelayMs: int(env.SANDBOX_WRITE_QUEUE_DELAY_MS, 500, "SANDBOX_WRITE_QUEUE_DELAY_MS", 0, 1000),
    ...(env.SANDBOX_FIXED_CLOCK && { fixedClock: instant(env.SANDBOX_FIXED_CLOCK, "SANDBOX_FIXED_CLOCK") }),
    testTokens: onOff(env.SANDBOX_TEST_TOKENS, true, "SANDBOX_TEST_TOKENS"),
    relayOrigins: relayOrigins(env.SANDBOX_RELAY_ORIGINS),
  };
}

function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "on" || value === "off") return value === "on";
  throw new Error(`${name} must be "on" or "off", got "${value}"`);
}

/**
 * `SANDBOX_RELAY_ORIGINS`: unset means loopback only (any port), so a hosted sandbox is no open proxy by
 * default; `off` switches the relay off; otherwise comma-separated exact origins, `loopback` among them if wanted.
 */
function relayOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === "") return ["loopback"];
  if (value.trim() === "off") return [];
  return value.split(",").map((raw) => {
    const o = raw.trim();
    if (o === "loopback") return o;
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new Error(`SANDBOX_RELAY_ORIGINS: "${o}" is not an origin (e.g. https://provider.example:8443) or "loopback"`);
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== trimSlash(o))
      throw new Error(`SANDBOX_RELAY_ORIGINS: "${o}" must be a bare http(s) origin, without path`);
    return url.origin;
  });
}

/** The highest simulated PDP latency accepted, from configuration or per request. */
export const MAX_PDP_LATENCY_MS = 2000;

/**
 * Where the browser reaches the service provider when SANDBOX_SP_ORIGIN is not set: the same server
 * under its other loopback name (`localhost` ⇄ `127.0.0.1`, same scheme and port), so the browser
 * treats it as a second origin and CORS is real. Any other host keeps the page's own origin.
 */
export function otherHostOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return origin;
  }
  const swap: Record<string, string> = { localhost: "127.0.0.1", "127.0.0.1": "localhost" };
  const other = swap[url.hostname];
  if (!other) return origin;
  url.hostname = other;
  return trimSlash(url.origin);
}

function parseKeys(raw: string): SandboxConfig["dialogportenKeys"] {
  const parsed = JSON.parse(raw) as { primary?: ConfiguredKey; secondary?: ConfiguredKey };
  if (!parsed.primary?.kid || !parsed.primary.privateComponent || !parsed.secondary?.kid || !parsed.secondary.privateComponent) {
    throw new Error('SANDBOX_DP_KEYS must be {"primary":{"kid","privateComponent"},"secondary":{"kid","privateComponent"}}');
  }
  return { primary: parsed.primary, secondary: parsed.secondary };
}

/** A fixed config for tests: every service on one fake origin that MSW intercepts. */
export function testConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  const origin = "http://sandbox.test";
  return {
    ...configFromEnv({ SANDBOX_ORIGIN: origin, SANDBOX_INTERNAL_URL: origin, SANDBOX_SEED: "test-seed" }),
    ...overrides,
  };
}
