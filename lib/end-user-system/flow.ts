import type { Dialog } from "../altinn/dialog";
import { seedDialogs } from "../seed/dialogs";
import type { Persona } from "../seed/personas";
import type { FlowFaults } from "../shared/faults";
import { faultHeaders } from "../shared/faults";
import type { Exchange } from "../shared/trace";
import type { ActionChoice, EndUserSystemContext } from "./calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "./calls";

export interface FlowInput {
  persona: Persona;
  dialogId: string;
  action: ActionChoice;
  /** Base URL of the service provider as the seed data knows it, for calling masked actions anyway. */
  serviceProviderOrigin: string;
  /** Faults to inject on this run (docs/decisions/014-fault-injection.md); none by default. */
  faults?: FlowFaults;
}

export type FlowOutcome = { ok: true; stoppedAt: 6 } | { ok: false; stoppedAt: 0 | 3 | 4 | 6; code: string; detail: string };

/** A whole run, steps 0–6, as data: the exchanges the end-user system made, each with the services' nested traces. */
export interface FlowTrace {
  exchanges: Exchange[];
  dialog?: Dialog;
  dialogToken?: string;
  outcome: FlowOutcome;
  /** Calls that reached Altinn Authorization during steps 4–6, counted from the trace itself. */
  authorizationCallsAfterToken: number;
  totalMs: number;
}

export function countCallsTo(exchanges: Exchange[], actor: Exchange["to"]): number {
  return exchanges.reduce((n, e) => n + (e.to === actor ? 1 : 0) + countCallsTo(e.nested?.exchanges ?? [], actor), 0);
}

/** The URL the seed data gives an action, for when Dialogporten masked it. */
export function seedUrlFor(dialogId: string, origin: string) {
  return (choice: ActionChoice): string | undefined => {
    const d = seedDialogs.find((x) => x.id === dialogId);
    if (!d) return undefined;
    const raw =
      choice.kind === "embed"
        ? d.content.mainContentReference?.value[0]?.value
        : choice.kind === "transmission"
          ? d.transmissions.find((t) => t.id === choice.transmissionId)?.content.contentReference?.value[0]?.value
          : choice.kind === "gui"
            ? d.guiActions.find((a) => a.id === choice.actionId)?.url
            : d.apiActions.find((a) => a.id === choice.actionId)?.endpoints[0]?.url;
    return raw?.replace("{sp}", origin);
  };
}

/**
 * The bookkeeping every run shares: the exchanges so far, and how to finish the trace. Calls to
 * Authorization are counted from the trace itself, after the first two exchanges (sign-in, dialog).
 */
export function recordFlow() {
  const t0 = performance.now();
  const exchanges: Exchange[] = [];
  const done = (outcome: FlowOutcome, rest: Partial<FlowTrace> = {}): FlowTrace => ({
    exchanges,
    outcome,
    authorizationCallsAfterToken: countCallsTo(exchanges.slice(2), "authorization"),
    totalMs: Math.round((performance.now() - t0) * 100) / 100,
    ...rest,
  });
  return { exchanges, done };
}

/** Runs steps 0–6 for real against the configured base URLs. */
export async function runFlow(ctx: EndUserSystemContext, input: FlowInput): Promise<FlowTrace> {
  const { exchanges, done } = recordFlow();

  const login = await signIn(ctx, input.persona);
  exchanges.push(login.exchange);
  if (!login.value) return done({ ok: false, stoppedAt: 0, code: "sign_in_failed", detail: "The identity provider issued no access token." });

  const got = await getDialog(ctx, login.value, input.dialogId, faultHeaders(input.faults, "dialogporten"));
  exchanges.push(got.exchange);
  const dialog = got.value;
  if (!dialog?.dialogToken) {
    return done({
      ok: false,
      stoppedAt: 3,
      code: problemCode(got.exchange) ?? "no_dialog",
      detail: `Dialogporten answered ${got.exchange.response?.status ?? got.exchange.error}.`,
    });
  }

  const action = resolveAction(dialog, input.action, seedUrlFor(input.dialogId, input.serviceProviderOrigin));
  if (!action)
    return done({ ok: false, stoppedAt: 4, code: "action_not_found", detail: "The dialog has no such action." }, { dialog, dialogToken: dialog.dialogToken });

  const sp = await callServiceProvider(ctx, dialog.dialogToken, action, faultHeaders(input.faults, "service-provider"));
  exchanges.push(sp.exchange);
  const status = sp.exchange.response?.status ?? 0;
  const outcome: FlowOutcome =
    status >= 200 && status < 300
      ? { ok: true, stoppedAt: 6 }
      : {
          ok: false,
          stoppedAt: 6,
          code: problemCode(sp.exchange) ?? `http_${status}`,
          detail: `The service provider answered ${status || sp.exchange.error}.`,
        };
  return done(outcome, { dialog, dialogToken: dialog.dialogToken });
}

/** The stable `code` of a problem+json answer, if it is one. */
export function problemCode(exchange: Exchange): string | undefined {
  try {
    const body = JSON.parse(exchange.response?.body ?? "") as { code?: unknown };
    return typeof body.code === "string" ? body.code : undefined;
  } catch {
    return undefined;
  }
}
