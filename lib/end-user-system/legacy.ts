import { seedDialogs } from "../seed/dialogs";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import { PDP_LATENCY_HEADER } from "../shared/faults";
import { providerPrefixOf, workspaceInPath } from "../shared/workspace";
import type { CallResult, EndUserSystemContext, ResolvedAction } from "./calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "./calls";
import type { FlowInput, FlowOutcome, FlowTrace } from "./flow";
import { countCallsTo, problemCode, recordFlow, seedUrlFor } from "./flow";

/**
 * The claim, measured: steps 4–6 on the legacy path — the same service provider without dialog tokens,
 * called with the end user's access token, asking Altinn Authorization on every request — beside the
 * token path, in the same trace shapes, so a UI (or bench/) can run both side by side.
 */

const PREFIX = "/service-provider/";

/**
 * The legacy twin of a service-provider URL: the same path under `/service-provider/legacy/`. In a
 * workspace's URL (`/service-provider/ws/<id>/…`, ADR 016) `legacy/` goes after the workspace, where the
 * provider looks once it has taken the workspace out of the path.
 */
export function legacyUrlOf(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const inWorkspace = workspaceInPath(u.pathname);
  const path = inWorkspace?.pathname ?? u.pathname;
  if (!path.startsWith(PREFIX) || path.startsWith(`${PREFIX}legacy/`)) return undefined;
  const rest = `legacy/${path.slice(PREFIX.length)}`;
  u.pathname = inWorkspace ? `${providerPrefixOf(inWorkspace.workspace)}/${rest}` : `${PREFIX}${rest}`;
  return u.href;
}

interface LegacyOptions {
  /** Simulated network latency to the PDP for this call, in ms (0–2000; the sandbox ignores other values). */
  pdpLatencyMs?: number;
  /** More request headers (e.g. the fault header). */
  headers?: Record<string, string>;
}

function extra(opts: LegacyOptions): Record<string, string> {
  return { ...opts.headers, ...(opts.pdpLatencyMs !== undefined && { [PDP_LATENCY_HEADER]: String(Math.round(opts.pdpLatencyMs)) }) };
}

/** Steps 4 → 6 on the legacy path: the access token (not a dialog token) to `/service-provider/legacy/...`. */
export async function callServiceProviderLegacy(
  ctx: EndUserSystemContext,
  accessToken: string,
  action: ResolvedAction,
  opts: LegacyOptions = {},
): Promise<CallResult<string>> {
  const url = legacyUrlOf(action.url) ?? action.url;
  const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, "accept-language": "nb, nn;q=0.9, en;q=0.8", ...extra(opts) };
  if (action.accept) headers.accept = action.accept;
  const { exchange, body } = await tracedFetch(
    ctx.fetch,
    url,
    { method: action.method, headers, credentials: "omit" },
    { from: "end-user-system", to: "service-provider", label: `${action.label} (legacy: no dialog token)`, askForTrace: ctx.trace, timeoutMs: 10_000 },
  );
  return { exchange, value: body ?? undefined };
}

/** One run of steps 4–6, measured as the end-user system saw it. */
export interface StepsRun {
  path: "token" | "legacy";
  /** SBS → SP, with the provider's own trace nested (its calls, the claimed preflight, its checks). */
  exchange: Exchange;
  outcome: FlowOutcome;
  /** Calls that reached Altinn Authorization, counted from the trace: 0 on the token path, 1 on the legacy path. */
  authorizationCalls: number;
  /** Wall time of steps 4–6 (the SBS → SP exchange, including everything the provider did). */
  durationMs: number;
}

function outcomeOf(exchange: Exchange): FlowOutcome {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 300
    ? { ok: true, stoppedAt: 6 }
    : { ok: false, stoppedAt: 6, code: problemCode(exchange) ?? `http_${status}`, detail: `The service provider answered ${status || exchange.error}.` };
}

function stepsRun(path: StepsRun["path"], exchange: Exchange): StepsRun {
  return { path, exchange, outcome: outcomeOf(exchange), authorizationCalls: countCallsTo([exchange], "authorization"), durationMs: exchange.durationMs };
}

/** Steps 4–6 on the token path (the dialog token), in the comparison's shape. */
async function runTokenSteps(ctx: EndUserSystemContext, dialogToken: string, action: ResolvedAction, opts: LegacyOptions = {}): Promise<StepsRun> {
  return stepsRun("token", (await callServiceProvider(ctx, dialogToken, action, extra(opts))).exchange);
}

/** Steps 4–6 on the legacy path (the access token, one PDP call), in the comparison's shape. */
async function runLegacySteps(ctx: EndUserSystemContext, accessToken: string, action: ResolvedAction, opts: LegacyOptions = {}): Promise<StepsRun> {
  return stepsRun("legacy", (await callServiceProviderLegacy(ctx, accessToken, action, opts)).exchange);
}

/**
 * Both paths for the same action, one after the other (token first). A write action changes the dialog
 * twice — both runs really do what they say. The access token lives 120 s: sign in again if it is older.
 */
export async function compareSteps4to6(
  ctx: EndUserSystemContext,
  input: { dialogToken: string; accessToken: string; action: ResolvedAction } & LegacyOptions,
): Promise<{ token: StepsRun; legacy: StepsRun }> {
  const token = await runTokenSteps(ctx, input.dialogToken, input.action, input);
  const legacy = await runLegacySteps(ctx, input.accessToken, input.action, input);
  return { token, legacy };
}

/**
 * A whole run on the legacy path, in `runFlow`'s shape: sign in (0), get the dialog to learn the URLs
 * (0–3, as any inbox would), then steps 4–6 with the access token instead of the dialog token.
 * `authorizationCallsAfterToken` counts the legacy path's calls to Authorization after step 3.
 */
export async function runLegacyFlow(ctx: EndUserSystemContext, input: FlowInput & LegacyOptions): Promise<FlowTrace> {
  const { exchanges, done } = recordFlow();
  const login = await signIn(ctx, input.persona);
  exchanges.push(login.exchange);
  if (!login.value) return done({ ok: false, stoppedAt: 0, code: "sign_in_failed", detail: "The identity provider issued no access token." });
  const got = await getDialog(ctx, login.value, input.dialogId);
  exchanges.push(got.exchange);
  const dialog = got.value;
  // Dialogporten may refuse the dialog; the legacy provider is still asked (with the seed's URL), to show its own decision.
  const action = dialog ? resolveAction(dialog, input.action, seedUrlFor(input.dialogId, input.serviceProviderOrigin)) : resolveSeedAction(input);
  if (!action)
    return done({ ok: false, stoppedAt: 4, code: "action_not_found", detail: "The dialog has no such action." }, { dialog, dialogToken: dialog?.dialogToken });
  const sp = await callServiceProviderLegacy(ctx, login.value, action, input);
  exchanges.push(sp.exchange);
  return done(outcomeOf(sp.exchange), { dialog, dialogToken: dialog?.dialogToken });
}

function resolveSeedAction(input: FlowInput): ResolvedAction | undefined {
  const url = seedUrlFor(input.dialogId, input.serviceProviderOrigin)(input.action);
  if (!url) return undefined;
  const choice = input.action;
  const seed = seedDialogs.find((d) => d.id === input.dialogId);
  const method =
    choice.kind === "gui"
      ? (seed?.guiActions.find((a) => a.id === choice.actionId)?.httpMethod ?? "POST")
      : choice.kind === "api"
        ? (seed?.apiActions.find((a) => a.id === choice.actionId)?.endpoints[0]?.httpMethod ?? "GET")
        : "GET";
  return { method, url, label: "Call the service provider (legacy)", masked: false };
}
