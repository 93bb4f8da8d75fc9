import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { DIALOG_ID, seedDialogs } from "@/lib/seed/dialogs";
import { findPersona } from "@/lib/seed/personas";
import type { Scenario } from "../scenario/scenario";
import { changeScenario, forPersona } from "../scenario/scenario";
import type { RunData, Step } from "./run-model";
import { nextMove, revealable } from "./run-model";

/**
 * A catalogue entry played in the sequence view: the entry's run (lib/catalogue/run.ts) makes every call at
 * once, in the browser, and its trace becomes the same RunData a normal run builds call by call. The view
 * then reveals it step by step; it never adds calls of its own, so what it shows is exactly what the entry sent.
 */

/** The scenario an entry's recipe stands for, so the diagram names the right persona, dialog and action. */
export function entryScenario(entry: CatalogueEntry): Scenario {
  const { recipe } = entry;
  const dialogId = DIALOG_ID[recipe.dialog];
  const dialog = seedDialogs.find((d) => d.id === dialogId);
  let s = forPersona(recipe.persona);
  if (dialog && s.party !== dialog.party && findPersona(recipe.persona)?.parties.includes(dialog.party)) s = changeScenario(s, "party", dialog.party);
  s = changeScenario(s, "dialogId", dialogId);
  const { action } = recipe;
  const gui = action.kind === "gui" ? dialog?.guiActions.find((g) => g.action === action.action && g.httpMethod !== "GET") : undefined;
  return changeScenario(s, "action", gui ? `gui:${gui.id}` : "embed");
}

/** The run's exchanges in the places a normal run keeps them; the extra calls (donor token, JWKS, warm-up) stay in `run`. */
function toRunData(entry: CatalogueEntry, run: CatalogueRun): RunData {
  const sp = run.spExchange;
  return {
    scenario: entryScenario(entry),
    signIn: run.trace.exchanges[0],
    dialogExchange: run.dialogExchange,
    dialog: run.trace.dialog,
    ...(sp ? { spExchange: sp, action: { method: sp.request.method, url: sp.request.url, label: sp.label, masked: false } } : { actionMissing: true }),
    catalogue: { id: entry.id, entry, run },
  };
}

/** Calls of the run that the diagram has no arrow for: a second token, the public JWKS, a warm-up call. */
export function extraExchanges(run: CatalogueRun) {
  const shown = new Set([run.trace.exchanges[0], run.dialogExchange, run.spExchange]);
  return run.trace.exchanges.filter((e) => !shown.has(e));
}

/** The step a finished entry run opens at: where it stopped, so the refusal is what one sees first. */
function landingStep(data: RunData, asked: Step): Step {
  const steps = revealable(data);
  if (asked >= 0 && steps.includes(asked)) return asked;
  return steps.at(-1) ?? -1;
}

interface EntryStart {
  id: string;
  ctx: EndUserSystemContext;
  serviceProviderOrigin: string;
  /** The step to open at: -1 plays from the start, otherwise the link's step or the last one. */
  step: Step;
}

/**
 * One press of "Next step" in an entry's run: with no data yet, runs the entry for real (a browser that cannot
 * send it faithfully runs nothing and says why); afterwards only reveals what the run already did.
 */
export async function advanceEntry(data: RunData | null, step: Step, start: EntryStart): Promise<{ data: RunData; step: Step } | null> {
  if (data?.catalogue) {
    const move = nextMove(data, step);
    return move?.kind === "reveal" ? { data, step: move.to } : null;
  }
  // Loaded only when an entry is opened: the catalogue and its mutations are not part of the page's first load.
  const [{ findEntry }, { runEntry }] = await Promise.all([import("@/lib/catalogue/entries"), import("@/lib/catalogue/run")]);
  const entry = findEntry(start.id);
  if (!entry) return { data: { scenario: forPersona("kari"), catalogue: { id: start.id } }, step: -1 };
  if (entry.notInBrowser) return { data: { scenario: entryScenario(entry), catalogue: { id: entry.id, entry } }, step: -1 };
  const run = await runEntry(entry, {
    fetch: start.ctx.fetch,
    baseUrl: start.ctx.baseUrl,
    serviceProviderOrigin: start.serviceProviderOrigin,
    ...(start.ctx.workspace && { workspace: start.ctx.workspace }),
  });
  const next = toRunData(entry, run);
  return { data: next, step: start.step < 0 ? (revealable(next)[0] ?? -1) : landingStep(next, start.step) };
}

/** In an entry's run, "Next step" can only reveal: there is never a call left to make. */
export const canRevealMore = (data: RunData | null, step: Step): boolean => nextMove(data, step)?.kind === "reveal";
