import type { Dialog } from "@/lib/altinn/dialog";
import type { EndUserSystemContext, ResolvedAction } from "@/lib/end-user-system/calls";
import { getDialog, resolveAction, searchDialogs, signIn } from "@/lib/end-user-system/calls";
import { countCallsTo, seedUrlFor } from "@/lib/end-user-system/flow";
import type { Exchange } from "@/lib/shared/trace";
import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import type { AfterWrite } from "./follow-up";
import { followUpOf } from "./follow-up";
import type { Scenario } from "../scenario/scenario";
import { decodeChoice, personaOf } from "../scenario/scenario";
import type { EmbedData } from "./sp-call";
import { callStep4 } from "./sp-call";
import { authorizeExchange } from "../exchange/trace-notes";

/** -1: nothing revealed yet; 0–6: the steps of the seed diagram (0 = sign in and ask for the dialog). */
export type Step = -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Everything one run has really done so far, exchange by exchange. */
export interface RunData {
  scenario: Scenario;
  signIn?: Exchange;
  accessToken?: string;
  /** Step 0, as the portal's inbox does before it opens a dialog: the party's dialogs from Dialogporten's search. */
  listing?: Exchange;
  dialogExchange?: Exchange;
  dialog?: Dialog;
  action?: ResolvedAction;
  /** The chosen action is not in the dialog Dialogporten returned. */
  actionMissing?: boolean;
  /** The final SBS → SP exchange of step 4 (after any retries of an embed). */
  spExchange?: Exchange;
  /** Set when step 4 loaded a front-channel embed: every attempt and the end-user system's verdict. */
  embed?: EmbedData;
  /** After step 6 of a write action that succeeded: the dialog fetched again. */
  after?: AfterWrite;
  /**
   * Set when the run is a catalogue entry's (components/sequence/catalogue-run.ts): the id the link named, the
   * entry when it exists, and its whole run (the token as sent, the extra calls) when a browser could send it.
   */
  catalogue?: { id: string; entry?: CatalogueEntry; run?: CatalogueRun };
}

/** "refetch": after a successful write action, the end-user system fetches the dialog again (it stays at step 6). */
type Call = "sign-in" | "dialog" | "service-provider" | "refetch";
type Move = { kind: "reveal"; to: Step } | { kind: "call"; call: Call } | null;

/** Steps the data already holds, in order. Steps 1–2 exist only if Dialogporten got as far as asking Authorization. */
export function revealable(data: RunData | null): Step[] {
  const steps: Step[] = [];
  if (!data) return steps;
  if (data.signIn) steps.push(0);
  if (authorizeExchange(data.dialogExchange)) steps.push(1, 2);
  if (data.dialogExchange) steps.push(3);
  if (data.spExchange) steps.push(4, 5, 6);
  return steps;
}

/** What "Next step" does from here: show a step that already happened, or make the real call that produces the next one. */
export function nextMove(data: RunData | null, step: Step): Move {
  const later = revealable(data).find((s) => s > step);
  if (later !== undefined) return { kind: "reveal", to: later };
  if (!data?.signIn) return { kind: "call", call: "sign-in" };
  if (!data.accessToken) return null;
  if (!data.dialogExchange) return { kind: "call", call: "dialog" };
  if (!data.dialog?.dialogToken) return null;
  if (!data.spExchange && !data.actionMissing) return { kind: "call", call: "service-provider" };
  if (followUpOf(data.action?.method, data.spExchange) && !data.after) return { kind: "call", call: "refetch" };
  return null;
}

export function previousStep(data: RunData | null, step: Step): Step | null {
  const earlier = revealable(data).filter((s) => s < step);
  return earlier.at(-1) ?? null;
}

interface PerformOptions {
  /** Told about intermediate data (each poll of the dialog after a 202). */
  onProgress?: (data: RunData) => void;
  isCancelled?: () => boolean;
}

/** Makes one real HTTP call of the end-user system (or, after a write, the dialog GETs) and returns the run data including its result. */
async function perform(call: Call, data: RunData, ctx: EndUserSystemContext, serviceProviderOrigin: string, opts: PerformOptions = {}): Promise<RunData> {
  const { scenario } = data;
  switch (call) {
    case "sign-in": {
      const r = await signIn(ctx, personaOf(scenario));
      const listing = r.value ? (await searchDialogs(ctx, r.value, scenario.party)).exchange : undefined;
      return { ...data, signIn: r.exchange, accessToken: r.value, ...(listing && { listing }) };
    }
    case "dialog": {
      const r = await getDialog(ctx, data.accessToken ?? "", scenario.dialogId);
      return { ...data, dialogExchange: r.exchange, dialog: r.value };
    }
    case "service-provider": {
      const dialog = data.dialog;
      if (!dialog?.dialogToken) return data;
      const choice = decodeChoice(scenario.action);
      const action = resolveAction(dialog, choice, seedUrlFor(scenario.dialogId, serviceProviderOrigin));
      if (!action) return { ...data, actionMissing: true };
      // A write action may answer 202: the end-user system listens for the dialog's events before it sends it.
      const release = action.method !== "GET" ? await (await import("./after-write")).subscribeBeforeWrite(ctx, dialog.dialogToken, dialog.id) : null;
      const step4 = await callStep4(ctx, dialog, dialog.dialogToken, action, choice);
      if (release && followUpOf(action.method, step4.spExchange) !== "poll") release();
      return { ...data, action, ...step4 };
    }
    case "refetch": {
      const mode = followUpOf(data.action?.method, data.spExchange);
      if (!mode || !data.dialog) return data;
      const input = { ctx, persona: personaOf(scenario), accessToken: data.accessToken ?? "", dialogId: scenario.dialogId, before: data.dialog, mode };
      // Loaded now, not with the page: only a write action that succeeded needs it.
      const { fetchAfterWrite } = await import("./after-write");
      const r = await fetchAfterWrite(input, { isCancelled: opts.isCancelled, onProgress: (after) => opts.onProgress?.({ ...data, after }) });
      return { ...data, accessToken: r.accessToken, after: r.after };
    }
  }
}

/** One press of "Next step": the new data and the step to show, or null when the run is over. */
export async function advance(
  data: RunData | null,
  step: Step,
  scenario: Scenario,
  ctx: EndUserSystemContext,
  spOrigin: string,
  opts: PerformOptions = {},
): Promise<{ data: RunData; step: Step } | null> {
  const move = nextMove(data, step);
  if (!move) return null;
  if (move.kind === "reveal") return { data: data!, step: move.to };
  const next = await perform(move.call, data ?? { scenario }, ctx, spOrigin, opts);
  const to = revealable(next).find((s) => s > step) ?? step;
  return { data: next, step: to };
}

/** Calls that reached Altinn Authorization, counted from the trace: during steps 1–2 and during steps 4–6. */
export function authorizationCalls(data: RunData | null, step: Step): { early?: number; late?: number } {
  return {
    early: data?.dialogExchange && step >= 1 ? countCallsTo([data.dialogExchange], "authorization") : undefined,
    late: data?.spExchange && step >= 4 ? countCallsTo([data.spExchange], "authorization") : undefined,
  };
}

/** The run has ended: nothing left to reveal and no call left to make. */
export function isFinished(data: RunData | null, step: Step): boolean {
  return data !== null && nextMove(data, step) === null;
}

/** Whether Run all is stepping on its own, paused (by Pause, Space, Back or Next), or not running. */
export type Autoplay = "off" | "playing" | "paused";

/**
 * What a jump to `target` (a number key) does from here: show a step that already happened, or make the
 * next real call and ask again; null when there is nothing to do. A jump forward never skips a call: it is
 * a run of "Next step" presses, so it stops where the run stops. A step this run did not produce (1–2 when
 * Dialogporten refused before asking Authorization) is not shown.
 */
export function jumpMove(data: RunData | null, step: Step, target: Step): Move {
  if (target === step) return null;
  if (revealable(data).includes(target)) return { kind: "reveal", to: target };
  const move = target > step ? nextMove(data, step) : null;
  return move?.kind === "call" ? move : null;
}
