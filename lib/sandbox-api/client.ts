/**
 * A typed client for the sandbox's test-token API, `POST /sandbox/api/v1/dialog-tokens`.
 *
 * Self-contained on purpose — `fetch` and nothing else, no imports — so a service provider's project can
 * copy this one file into its own tests and mint dialog tokens that verify against the sandbox's JWKS:
 *
 *   const { token } = await mintTestToken("http://localhost:3000", { i: dialogId, a: "read" });
 */

export const TEST_TOKEN_PATH = "/sandbox/api/v1/dialog-tokens";
/** Re-signs an edited dialog token with the sandbox's key (the token workbench), `{"token": "…"}` in. */
export const RESIGN_PATH = "/sandbox/api/v1/dialog-tokens/re-sign";

/** The type of the experimental context token (Dialogporten #4275), which the same keys once signed. */
export type TestTokenTyp = "JWT" | "dialogcontexttoken+jwt";

/**
 * The claims to set; every one is optional. Defaults: a fresh `jti`, `iat` now, `nbf` = `iat`,
 * `exp` = `iat` + 600, the sandbox's issuer, and a seed dialog for `c l p s i a`.
 */
export interface TestTokenRequest {
  jti?: string;
  c?: string;
  y?: string;
  o?: string;
  u?: string;
  l?: number;
  p?: string;
  s?: string;
  i?: string;
  a?: string;
  iss?: string;
  iat?: number;
  nbf?: number;
  exp?: number;
  /** Which published key signs: the primary (the default, as Dialogporten) or the secondary. */
  kid?: string;
  /** `JWT` (the default) or the context token's type; Dialogporten never wrote any other. */
  typ?: TestTokenTyp;
}

export interface TestToken {
  token: string;
  header: { alg: "EdDSA"; typ: TestTokenTyp; kid: string };
  /** The claims as signed, in the real generator's order. */
  claims: Record<string, string | number>;
}

/** An RFC 9457 problem as the sandbox answers it; `code` is stable. */
export interface SandboxProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
}

export class TestTokenError extends Error {
  constructor(
    readonly status: number,
    readonly problem: SandboxProblem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `The sandbox answered ${status}`);
    this.name = "TestTokenError";
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Mints one dialog token; throws `TestTokenError` with the sandbox's problem when it refuses. */
export async function mintTestToken(sandboxUrl: string, request: TestTokenRequest = {}, fetchImpl: Fetch = (i, init) => fetch(i, init)): Promise<TestToken> {
  const response = await fetchImpl(`${sandboxUrl.replace(/\/+$/, "")}${TEST_TOKEN_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new TestTokenError(response.status, body !== null && typeof body === "object" ? (body as SandboxProblem) : null);
  const minted = body as Partial<TestToken> | null;
  if (typeof minted?.token !== "string" || typeof minted.claims !== "object")
    throw new TestTokenError(response.status, { detail: "The answer holds no token." });
  return minted as TestToken;
}
