import type { AltinnAction } from "../altinn/actions";
import type { PairDecision, PdpCallCode } from "../altinn/decision-request";
import { buildDecisionRequest, readDecisionResponse } from "../altinn/decision-request";
import type { Dialog } from "../altinn/dialog";
import type { Principal } from "../altinn/principal";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { FetchLike } from "../shared/types";
import { workspaceHeaders } from "../shared/workspace";
import type { DialogFaults } from "./faults";
import { authorizationTarget } from "./faults";

type Authorized =
  { ok: true; decisions: PairDecision[]; permitted: AltinnAction[]; minimumAuthenticationLevel?: number } | { ok: false; code: PdpCallCode; detail: string };

interface PdpCall {
  authorizationUrl: string;
  fetch: FetchLike;
  trace: boolean;
  exchanges: Exchange[];
  faults: DialogFaults;
  /** The PDP decides with this workspace's own policies (ADR 019). */
  workspace?: string;
}

/**
 * Steps 1–2: Dialogporten's `AltinnAuthorizationClient`. Whatever `PostAsJsonEnsuredAsync` would throw on
 * (no connection, a non-2xx status, a body that does not deserialize) becomes an `UpstreamServiceException`,
 * which the real API answers with 502 (docs/real-systems.md §9): no decision, no token.
 */
export async function authorize(principal: Principal, dialog: Dialog, candidates: AltinnAction[], call: PdpCall): Promise<Authorized> {
  const body = JSON.stringify(buildDecisionRequest(principal, dialog, candidates));
  const target = authorizationTarget(call.authorizationUrl, call.faults);
  const {
    exchange,
    response,
    body: text,
  } = await tracedFetch(
    call.fetch,
    `${target.baseUrl}/authorization/api/v1/authorize`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "ocp-apim-subscription-key": "sandbox",
        ...target.headers,
        ...workspaceHeaders(call.workspace),
      },
      body,
    },
    { from: "dialogporten", to: "authorization", label: "Authorize request", askForTrace: call.trace, timeoutMs: 10_000 },
  );
  call.exchanges.push(exchange);
  if (!response) return { ok: false, code: "pdp_unreachable", detail: `Altinn Authorization could not be reached: ${exchange.error}` };
  if (!response.ok) return { ok: false, code: "pdp_error", detail: `Altinn Authorization answered ${response.status}.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "");
  } catch {
    return { ok: false, code: "pdp_garbage", detail: "Altinn Authorization answered something that is not JSON." };
  }
  const outcome = readDecisionResponse(parsed, candidates);
  if (!outcome.ok) return outcome;
  const { decisions, permitted, minimumAuthenticationLevel } = outcome;
  return { ok: true, decisions, permitted, ...(minimumAuthenticationLevel !== undefined && { minimumAuthenticationLevel }) };
}
