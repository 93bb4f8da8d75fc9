import { MAIN } from "../altinn/actions";
import { buildDecisionRequest, readDecisionResponse } from "../altinn/decision-request";
import type { Principal } from "../altinn/principal";
import { problem } from "./codes";
import type { ServiceProviderCode } from "./codes";
import type { LegacyNotes } from "./trace-notes";
import type { Exchange } from "../shared/trace";
import { tracedFetch, wantsTrace } from "../shared/trace";
import type { FetchLike } from "../shared/types";
import type { AccessTokenAuthenticator } from "../altinn/access-token";
import { challenge, extractBearer } from "./bearer";
import { PDP_LATENCY_HEADER } from "../shared/faults";
import { formatAction } from "../altinn/dialog-token";
import type { Found, Target } from "./targets";
import { workspaceHeaders } from "../shared/workspace";
import { workspaceFrom } from "./workspace";

/**
 * Legacy mode: the same service provider without dialog tokens. It takes the end user's access token,
 * and on EVERY request asks Altinn Authorization about the one (action, attribute) it needs — the XACML
 * request built exactly as Dialogporten builds it. Any doubt about the answer denies (fail closed).
 */

interface LegacyOptions {
  verifier: AccessTokenAuthenticator;
  /** Base URL of Altinn Authorization for server-to-server calls. */
  authorizationUrl: string;
  fetch: FetchLike;
}

export interface LegacyTrace {
  exchanges: Exchange[];
  notes: LegacyNotes;
}

export type LegacyGateResult<X = object> =
  { ok: true; principal: Principal; target: Found<X>; trace: LegacyTrace } | { ok: false; response: Response; trace: LegacyTrace };

/** The latency header is passed on to the PDP as is; the sandbox decides whether to honour it. */
function forwardedLatency(request: Request): string | undefined {
  const v = request.headers.get(PDP_LATENCY_HEADER);
  return v !== null && /^\d{1,4}$/.test(v) ? v : undefined;
}

function deny(status: 401 | 403 | 503, code: ServiceProviderCode, detail: string, instance: string, trace: LegacyTrace): LegacyGateResult<never> {
  trace.notes.failure = { code, detail };
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = code === "token_missing" ? challenge() : challenge("invalid_token", `${code}: ${detail}`);
  if (status === 403) headers["www-authenticate"] = challenge("insufficient_scope", `${code}: ${detail}`);
  if (status === 503) headers["retry-after"] = "5";
  const title = status === 401 ? "Unauthorized" : status === 403 ? "Forbidden" : "Service Unavailable";
  return { ok: false, response: problem({ status, title, code, detail, instance, headers }), trace };
}

/** Authenticates the access token, then asks the PDP for this one action. No dialog token anywhere. */
export async function legacyGate<X>(request: Request, target: Target<X>, opts: LegacyOptions): Promise<LegacyGateResult<X>> {
  const instance = new URL(request.url).pathname;
  const trace: LegacyTrace = { exchanges: [], notes: { mode: "legacy", authorizationCalls: 0 } };
  const bearer = extractBearer(request);
  if (!bearer.ok) {
    trace.notes.bearer = bearer.code;
    return deny(401, bearer.code, bearer.detail, instance, trace);
  }
  const auth = await opts.verifier.verify(bearer.token, trace.exchanges);
  if (!auth.ok) return deny(auth.status, auth.code, auth.detail, instance, trace);
  const { principal } = auth;
  trace.notes.principal = { kind: principal.kind, consumer: principal.consumer, level: principal.level, subject: principal.subject };
  if (!target.found) return { ok: false, response: target.answer(instance), trace };
  trace.notes.required = formatAction(target.required);
  if (target.minimumLevel !== undefined && principal.level < target.minimumLevel) {
    return deny(403, "authentication_level_too_low", `Level ${principal.level} is below the required ${target.minimumLevel}.`, instance, trace);
  }

  const candidates = [{ name: target.required.name, attribute: target.required.attribute ?? MAIN }];
  const latency = forwardedLatency(request);
  if (latency !== undefined) trace.notes.pdpLatencyMs = Number(latency);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    "ocp-apim-subscription-key": "sandbox",
    // The PDP decides with the workspace's own policies (the policy editor), as Dialogporten's call does.
    ...workspaceHeaders(workspaceFrom(request)),
  };
  if (latency !== undefined) headers[PDP_LATENCY_HEADER] = latency;
  const { exchange, response, body } = await tracedFetch(
    opts.fetch,
    `${opts.authorizationUrl}/authorization/api/v1/authorize`,
    { method: "POST", headers, body: JSON.stringify(buildDecisionRequest(principal, target.dialog, candidates)) },
    {
      from: "service-provider",
      to: "authorization",
      label: "Authorize request (legacy: on every request)",
      askForTrace: wantsTrace(request),
      timeoutMs: 10_000,
    },
  );
  trace.exchanges.push(exchange);
  trace.notes.authorizationCalls = 1;
  if (!response) return deny(503, "pdp_unreachable", `Altinn Authorization could not be reached: ${exchange.error}`, instance, trace);
  if (!response.ok) return deny(503, "pdp_error", `Altinn Authorization answered ${response.status}.`, instance, trace);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? "");
  } catch {
    return deny(503, "pdp_garbage", "Altinn Authorization answered something that is not JSON.", instance, trace);
  }
  const outcome = readDecisionResponse(parsed, candidates);
  if (!outcome.ok) return deny(503, outcome.code, outcome.detail, instance, trace);
  const decision = outcome.decisions[0]?.decision ?? "Missing";
  trace.notes.decision = decision;
  if (outcome.permitted.length !== 1) {
    return deny(403, "not_authorized", `Altinn Authorization answered ${decision} for ${formatAction(target.required)}.`, instance, trace);
  }
  return { ok: true, principal, target, trace };
}
