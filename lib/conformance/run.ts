import { PERSONA_GRANT } from "../altinn/grants";
import { carry } from "../catalogue/transport";
import type { MutationContext, PublicJwk } from "../catalogue/mutate";
import { MUTATIONS } from "../catalogue/mutate";
import type { TestTokenRequest } from "../sandbox-api/client";
import { mintTestToken } from "../sandbox-api/client";
import type { FetchLike } from "../shared/types";
import type { ProviderAnswer, Verdict } from "./judge";
import { describeAnswer, reasonOf, verdictOf } from "./judge";
import type { ConformanceAttack } from "./plan";
import { conformancePlan } from "./plan";
import type { Send } from "./send";

/**
 * Runs the conformance suite against one provider endpoint: first a valid token (a provider that refuses
 * everything is broken, not secure), then every attack that applies. Framework-free: the CLI and the
 * /conformance page run this same code, with their own way of sending (`send.ts`).
 */

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface ConformanceOptions {
  /** The endpoint, with `{dialogId}` where the dialog id goes. */
  target: string;
  /** The action the endpoint requires, as `a` spells it. */
  action: string;
  method: Method;
  dialogId: string;
  /** Base URL of the sandbox whose JWKS and issuer the provider trusts. */
  sandbox: string;
}

export interface ConformanceDeps {
  /** For the sandbox: the test-token API, its JWKS, its identity provider. */
  fetch: FetchLike;
  send: Send;
  /** Why an attack is not sent this way (e.g. a browser cannot set Cookie), or undefined to send it. */
  skip?: (attack: ConformanceAttack) => string | undefined;
  onResult?: (result: CaseResult) => void;
}

export interface CaseResult {
  /** `valid-token`, or the catalogue id. */
  id: string;
  title: string;
  /** What should happen: `accepted` for the valid token, `refused` (a 4xx) for every attack. */
  expected: "accepted" | "refused";
  verdict?: Verdict;
  status?: number;
  /** The provider's own reason (problem code or RFC 6750 error), when it gave one. */
  reason?: string;
  answered: string;
  passed: boolean;
  skipped?: string;
  /** For an attack: the check that must catch it in the sandbox's own provider, and the lesson. */
  catchesIt?: string;
  lesson?: string;
}

export interface ConformanceReport {
  options: ConformanceOptions;
  startedAt: string;
  valid: CaseResult;
  attacks: CaseResult[];
  passed: boolean;
  findings: CaseResult[];
}

export const VALID_ID = "valid-token";

/** What is wrong with the options, in words a command line or a form can show; null when they are fine. */
export function optionsProblem(o: ConformanceOptions): string | null {
  if (!o.target.includes("{dialogId}")) return "The target URL must contain {dialogId} where the dialog id goes.";
  try {
    const url = new URL(o.target.replace("{dialogId}", "x"));
    if (!/^https?:$/.test(url.protocol)) return "The target URL must be http(s).";
  } catch {
    return "The target is not a URL.";
  }
  if (!/^[^;\s,]+(,[^;\s]+)?$/.test(o.action)) return "The action is <action> or <action>,<attribute>, e.g. read or delete,urn:altinn:task:Task_1.";
  if (!(METHODS as readonly string[]).includes(o.method)) return `The method is one of ${METHODS.join(", ")}.`;
  if (!o.dialogId || /[/?#\s]/.test(o.dialogId)) return "The dialog id must be one path segment.";
  return null;
}

function caseResult(id: string, title: string, expected: CaseResult["expected"], answer: ProviderAnswer): CaseResult {
  const verdict = verdictOf(answer);
  const status = "status" in answer ? answer.status : undefined;
  return { id, title, expected, verdict, status, reason: reasonOf(answer), answered: describeAnswer(answer), passed: verdict === expected };
}

export async function runConformance(options: ConformanceOptions, deps: ConformanceDeps): Promise<ConformanceReport> {
  const problem = optionsProblem(options);
  if (problem) throw new Error(problem);
  const sandbox = options.sandbox.replace(/\/+$/, "");
  const url = options.target.replaceAll("{dialogId}", encodeURIComponent(options.dialogId));
  const base: TestTokenRequest = { i: options.dialogId, a: options.action };
  const mint = async (extra: TestTokenRequest = {}) => (await mintTestToken(sandbox, { ...base, ...extra }, deps.fetch)).token;
  const startedAt = new Date().toISOString();

  const valid = await mintTestToken(sandbox, base, deps.fetch);
  const send = (token: string, transport: ConformanceAttack["transport"] = "bearer", second = "") => {
    const headers = new Headers();
    const target = carry(transport, url, headers, token, second);
    return deps.send({ url: target, method: options.method, headers: [...headers.entries()] });
  };

  const validResult = caseResult(VALID_ID, `A valid token for dialog ${options.dialogId} and action ${options.action}`, "accepted", await send(valid.token));
  deps.onResult?.(validResult);

  let accessToken: Promise<string> | undefined;
  const context: MutationContext = {
    donorToken: () => mint(),
    publicJwks: async () => (await (await deps.fetch(`${sandbox}/dialogporten/api/v1/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] },
    accessToken: () =>
      (accessToken ??= deps
        .fetch(`${sandbox}/id-porten/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `grant_type=${encodeURIComponent(PERSONA_GRANT)}&persona=kari`,
        })
        .then((r) => r.json() as Promise<{ access_token: string }>)
        .then((b) => b.access_token)),
  };

  const attacks: CaseResult[] = [];
  const plan = conformancePlan({ dialogId: options.dialogId, action: options.action, now: Number(valid.claims.iat) });
  for (const attack of plan) {
    const { entry } = attack;
    const about = { catchesIt: entry.expectedCheck ? `${entry.expectedCode} (check ${entry.expectedCheck})` : entry.expectedCode, lesson: entry.lesson };
    const skipped = !validResult.passed ? "the valid token was not accepted, so a refusal would prove nothing" : deps.skip?.(attack);
    let result: CaseResult;
    if (skipped) {
      result = { id: entry.id, title: entry.title, expected: "refused", answered: "not sent", passed: true, skipped, ...about };
    } else {
      const token = attack.claims ? await mint(attack.claims) : valid.token;
      const sent = attack.mutation ? await MUTATIONS[attack.mutation](token, context) : token;
      const second = attack.transport === "two-headers" ? await context.accessToken() : "";
      result = { ...caseResult(entry.id, entry.title, "refused", await send(sent, attack.transport, second)), ...about };
    }
    attacks.push(result);
    deps.onResult?.(result);
  }

  const findings = [validResult, ...attacks].filter((r) => !r.passed);
  return { options, startedAt, valid: validResult, attacks, passed: findings.length === 0, findings };
}
