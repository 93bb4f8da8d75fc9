import type { Dialog } from "../altinn/dialog";
import type { ActionChoice, EndUserSystemContext, ResolvedAction } from "../end-user-system/calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../end-user-system/calls";
import type { FlowOutcome, FlowTrace } from "../end-user-system/flow";
import { countCallsTo, problemCode, seedUrlFor } from "../end-user-system/flow";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import type { GateNotes } from "../service-provider/trace-notes";
import type { CheckCode } from "../service-provider/types";
import { FAILURE_CODES } from "../service-provider/types";
import { faultHeaders } from "../shared/faults";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { FetchLike } from "../shared/types";
import type { CatalogueEntry, MutationName, Recipe, RecipeAction } from "./entries";
import { ACCEPTED, ACCEPTED_WITH_CACHED_KEYS, findEntry } from "./entries";
import * as m from "./mutate";
import { carry } from "./transport";

interface CatalogueContext {
  fetch: FetchLike;
  /** Base URL of the identity providers and Dialogporten (the page's origin in the browser). */
  baseUrl: string;
  /** The service provider's origin, which `{sp}` in the seed URLs stands for. */
  serviceProviderOrigin: string;
  /** Ask every service for its trace; on by default, since the result needs the provider's checks. */
  trace?: boolean;
  /** The sandbox workspace to run in (the shared `default` when absent), so one participant's runs never touch another's. */
  workspace?: string;
}

/** One run of one catalogue entry, as data: the whole trace, what was sent and what caught it. */
export interface CatalogueRun {
  entryId: string;
  trace: FlowTrace;
  /** Dialogporten's answer at step 3, and the service provider's at step 6 (when the run got there). */
  dialogExchange?: Exchange;
  spExchange?: Exchange;
  /** The token as Dialogporten issued it, and as the end-user system sent it after the mutation. */
  issuedToken?: string;
  sentToken?: string;
  /** Where the run stopped: 3 Dialogporten, 4 the request's shape, 5 a step-5 check, 6 it got through. */
  stoppedAt: 0 | 3 | 4 | 5 | 6;
  /** The service provider's first failing check's code, or the problem code that ended the run. */
  caughtBy?: string;
  /** The step-5 checklist row that failed, when the verifier ran. */
  caughtByCheck?: CheckCode;
  /** `caughtBy`, or `accepted` / `accepted_with_cached_keys` when nothing caught it. */
  observedCode: string;
  accepted: boolean;
  /** 5xx answers the end-user system saw, and whether the entry allows them (fail-closed faults answer 502 from Dialogporten, 503 from the provider). */
  serverErrors: { label: string; status: number; allowed: boolean }[];
  matchesExpectation: boolean;
  /** Anything a reader should know about how this run went (e.g. the HTTP server answered before the app). */
  notes: string[];
}

const isVerifierCode = (code: string | undefined): boolean => (FAILURE_CODES as readonly string[]).includes(code ?? "");

const seedDialog = (key: Recipe["dialog"]): Dialog | undefined => seedDialogs.find((d) => d.id === DIALOG_ID[key]);

/** The recipe's action as the end-user system names it, looked up by action name in the seed data. */
function choiceFor(action: RecipeAction, dialog: Dialog | undefined): ActionChoice | undefined {
  if (action.kind === "embed") return { kind: "embed" };
  const gui = dialog?.guiActions.find((g) => g.action === action.action && g.httpMethod !== "GET");
  return gui ? { kind: "gui", actionId: gui.id } : undefined;
}

/** Where a recipe's step 4 goes: the action in the dialog Dialogporten returned, or in another dialog's seed data. */
function resolveStep4(recipe: Recipe, dialog: Dialog, spOrigin: string): ResolvedAction | undefined {
  const key = recipe.target ?? recipe.dialog;
  const choice = choiceFor(recipe.action, seedDialog(key));
  if (!choice) return undefined;
  if (!recipe.target) return resolveAction(dialog, choice, seedUrlFor(DIALOG_ID[key], spOrigin));
  const url = seedUrlFor(DIALOG_ID[key], spOrigin)(choice);
  if (!url) return undefined;
  if (choice.kind === "gui") {
    const gui = seedDialog(key)?.guiActions.find((g) => g.id === choice.actionId);
    return { method: gui?.httpMethod ?? "POST", url, label: `Write action "${gui?.action}" of another dialog`, masked: false, accept: "application/json" };
  }
  return { method: "GET", url, label: "Load another dialog's front-channel embed", masked: false, accept: "text/markdown" };
}

interface Extras {
  ctx: EndUserSystemContext;
  accessToken: string;
  dialogId: string;
  exchanges: Exchange[];
}

/** Applies the recipe's mutation; any extra call it needs (a second token, the public JWKS) is a traced exchange. */
async function mutate(name: MutationName | undefined, token: string, x: Extras): Promise<string> {
  if (name === undefined) return token;
  return m.MUTATIONS[name](token, {
    donorToken: async () => {
      const donor = await getDialog(x.ctx, x.accessToken, x.dialogId);
      donor.exchange.label = "Fetch the dialog again: a second real token to take the signature from";
      x.exchanges.push(donor.exchange);
      return donor.value?.dialogToken ?? "";
    },
    publicJwks: async () => {
      const r = await tracedFetch(
        x.ctx.fetch,
        `${x.ctx.baseUrl}/dialogporten/api/v1/.well-known/jwks.json`,
        { headers: { accept: "application/json" } },
        {
          from: "end-user-system",
          to: "dialogporten",
          label: "The attacker fetches Dialogporten's public JWKS",
        },
      );
      x.exchanges.push(r.exchange);
      try {
        const jwks = JSON.parse(r.body ?? "") as { keys?: unknown };
        return { keys: Array.isArray(jwks.keys) ? (jwks.keys as m.PublicJwk[]) : [] };
      } catch {
        // an empty key set: the HMAC secret becomes 32 zero bytes, still refused by alg
        return { keys: [] };
      }
    },
    accessToken: async () => x.accessToken,
  });
}

/** Step 4 as the recipe sends it: the token in the right place (or the wrong one), plus the provider's faults. */
async function sendToProvider(recipe: Recipe, ctx: EndUserSystemContext, action: ResolvedAction, token: string, accessToken: string): Promise<Exchange> {
  const headers = new Headers({ "accept-language": "nb, nn;q=0.9, en;q=0.8", ...faultHeaders(recipe.faults, "service-provider") });
  if (action.accept) headers.set("accept", action.accept);
  const url = carry(recipe.transport ?? "bearer", action.url, headers, token, accessToken);
  const { exchange } = await tracedFetch(
    ctx.fetch,
    url,
    { method: action.method, headers, credentials: "omit" },
    {
      from: "end-user-system",
      to: "service-provider",
      label: action.label,
      askForTrace: ctx.trace,
      timeoutMs: 10_000,
    },
  );
  return exchange;
}

function spNotes(exchange: Exchange | undefined): Partial<GateNotes> {
  return (exchange?.nested?.notes ?? {}) as Partial<GateNotes>;
}

/** What caught the run, read from the answers and the services' own traces — never guessed from the recipe. */
function classify(
  dp: Exchange | undefined,
  issued: boolean,
  sp: Exchange | undefined,
): Pick<CatalogueRun, "stoppedAt" | "caughtBy" | "caughtByCheck" | "observedCode" | "accepted" | "notes"> {
  const notes: string[] = [];
  if (!issued) {
    const code = dp ? (problemCode(dp) ?? (dp.response ? `http_${dp.response.status}` : "dialogporten_unreachable")) : "sign_in_failed";
    return { stoppedAt: dp ? 3 : 0, caughtBy: code, observedCode: code, accepted: false, notes };
  }
  if (!sp) return { stoppedAt: 4, caughtBy: "action_not_found", observedCode: "action_not_found", accepted: false, notes };
  const status = sp.response?.status ?? 0;
  const n = spNotes(sp);
  if (status >= 200 && status < 300) {
    const stale = n.keySource === "cache" && n.keysStale === true;
    return { stoppedAt: 6, observedCode: stale ? ACCEPTED_WITH_CACHED_KEYS : ACCEPTED, accepted: true, notes };
  }
  const failure = n.verification && !n.verification.valid ? n.verification.failure : undefined;
  if (failure?.failure) return { stoppedAt: 5, caughtBy: failure.failure, caughtByCheck: failure.code, observedCode: failure.failure, accepted: false, notes };
  let code = problemCode(sp);
  if (!sp.response) code = "network_error";
  else if (!code && status === 431) {
    // Node's own answer: the header section was over 16 KB, so the request never reached the app.
    code = "request_header_too_large";
    notes.push("The HTTP server answered 431 itself, before any route ran (no problem body).");
  }
  code ??= `http_${status}`;
  const stoppedAt = isVerifierCode(code) || code === "jwks_unavailable" ? 5 : 4;
  return { stoppedAt, caughtBy: code, observedCode: code, accepted: false, notes };
}

/**
 * Runs one catalogue entry through the real flow: steps 0–3 for real (with Dialogporten's faults), then
 * the mutation, then steps 4–6 with the recipe's transport and the service provider's faults.
 */
export async function runEntry(entryOrId: CatalogueEntry | string, context: CatalogueContext): Promise<CatalogueRun> {
  const entry = typeof entryOrId === "string" ? findEntry(entryOrId) : entryOrId;
  if (!entry) throw new Error(`No catalogue entry ${String(entryOrId)}`);
  const { recipe } = entry;
  const ctx: EndUserSystemContext = {
    fetch: context.fetch,
    baseUrl: context.baseUrl,
    trace: context.trace ?? true,
    ...(context.workspace && { workspace: context.workspace }),
  };
  const t0 = performance.now();
  const exchanges: Exchange[] = [];
  let dialogExchange: Exchange | undefined;
  let spExchange: Exchange | undefined;
  let dialog: Dialog | undefined;
  let issuedToken: string | undefined;
  let sentToken: string | undefined;

  const persona = findPersona(recipe.persona);
  if (!persona) throw new Error(`Unknown persona ${recipe.persona}`);
  const login = await signIn(ctx, persona);
  exchanges.push(login.exchange);
  if (login.value) {
    const dialogId = DIALOG_ID[recipe.dialog];
    const got = await getDialog(ctx, login.value, dialogId, faultHeaders(recipe.faults, "dialogporten"));
    dialogExchange = got.exchange;
    exchanges.push(got.exchange);
    dialog = got.value;
    issuedToken = dialog?.dialogToken;
    const action = dialog && issuedToken ? resolveStep4(recipe, dialog, context.serviceProviderOrigin) : undefined;
    if (issuedToken && action) {
      sentToken = await mutate(recipe.mutation, issuedToken, { ctx, accessToken: login.value, dialogId, exchanges });
      if (recipe.warmUp) {
        const warm = await callServiceProvider(ctx, issuedToken, action);
        warm.exchange.label = "Warm-up: one clean call, so the service provider has keys cached";
        exchanges.push(warm.exchange);
      }
      spExchange = await sendToProvider(recipe, ctx, action, sentToken, login.value);
      exchanges.push(spExchange);
    }
  }

  const verdict = classify(dialogExchange, Boolean(issuedToken), spExchange);
  const outcome: FlowOutcome = verdict.accepted
    ? { ok: true, stoppedAt: 6 }
    : verdict.stoppedAt === 0
      ? { ok: false, stoppedAt: 0, code: verdict.observedCode, detail: "The identity provider issued no access token." }
      : verdict.stoppedAt === 3
        ? { ok: false, stoppedAt: 3, code: verdict.observedCode, detail: `Dialogporten answered ${dialogExchange?.response?.status ?? dialogExchange?.error}.` }
        : {
            ok: false,
            stoppedAt: spExchange ? 6 : 4,
            code: verdict.observedCode,
            detail: `The service provider answered ${spExchange?.response?.status || spExchange?.error || "nothing"}.`,
          };
  // Calls that reached Altinn Authorization through the service provider (a donor token's own step 1 does not count).
  const afterToken = exchanges.filter((e) => e.to === "service-provider");
  const trace: FlowTrace = {
    exchanges,
    dialog,
    dialogToken: issuedToken,
    outcome,
    authorizationCallsAfterToken: countCallsTo(afterToken, "authorization"),
    totalMs: Math.round((performance.now() - t0) * 100) / 100,
  };
  const serverErrors = exchanges
    .filter((e) => (e.response?.status ?? 0) >= 500)
    .map((e) => ({
      label: e.label,
      status: e.response!.status,
      // Dialogporten answers a PDP failure with the real 502 (UpstreamServiceException); the provider's fail-closed answer is 503.
      allowed: entry.kind === "fault" && ((e === dialogExchange && e.response!.status === 502) || (e === spExchange && e.response!.status === 503)),
    }));
  const matchesExpectation =
    verdict.observedCode === entry.expectedCode &&
    verdict.stoppedAt === entry.expectedStep &&
    verdict.accepted === (entry.expectedOutcome === "accepted") &&
    (entry.expectedCheck === undefined || verdict.caughtByCheck === entry.expectedCheck) &&
    serverErrors.every((e) => e.allowed);
  return { entryId: entry.id, trace, dialogExchange, spExchange, issuedToken, sentToken, ...verdict, serverErrors, matchesExpectation };
}
