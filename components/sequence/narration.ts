import { parseActions, formatAction } from "@/lib/altinn/dialog-token";
import type { RunData, Step } from "./run-model";
import { followUpOf } from "./follow-up";
import { isFinished } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { dialogTitle, findDialog, partyName, personaOf } from "../scenario/scenario";
import { authorizeExchange, dialogportenNotes, errorCode, serviceProviderNotes } from "../exchange/trace-notes";

const status = (r: { status: number; statusText: string } | null | undefined) => (r ? `${r.status} ${r.statusText}`.trim() : "no answer");

/** What just happened, in one or two sentences: shown under the diagram and announced to screen readers. */
export function narrate(data: RunData | null, step: Step, scenario: Scenario): string {
  if (!data || step < 0) {
    const p = personaOf(scenario);
    return `Ready: ${p.name}. ${p.summary} Press Run all or Next step; nothing has been sent yet.`;
  }
  const persona = personaOf(data.scenario);
  const dialog = findDialog(data.scenario.dialogId);
  const dp = data.dialogExchange;
  const notes = dialogportenNotes(dp);
  const sp = data.spExchange;
  const end = isFinished(data, step);
  switch (step) {
    case 0:
      return data.accessToken
        ? `Step 0: signed in as ${persona.name} at ${persona.provider} (${status(data.signIn?.response)}). With that access token, the end-user system asks Dialogporten for “${dialogTitle(dialog)}”.`
        : `Step 0: sign-in failed (${status(data.signIn?.response)}). The run stops here.`;
    case 1: {
      const n = notes.candidates?.length ?? 0;
      return `Step 1: Dialogporten checked the access token, then asked Altinn Authorization about ${n} (action, attribute) pair${n === 1 ? "" : "s"} of this dialog, for ${partyName(dialog?.party ?? "")}, in one XACML multi-request.`;
    }
    case 2: {
      const decisions = notes.decisions ?? [];
      const permits = decisions.filter((d) => d.decision === "Permit").length;
      return `Step 2: Altinn Authorization answered ${status(authorizeExchange(dp)?.response)} with ${decisions.length} decisions: ${permits} Permit, ${decisions.length - permits} not.`;
    }
    case 3: {
      if (!data.dialog?.dialogToken)
        return `Step 3: Dialogporten answered ${status(dp?.response)}${errorCode(dp) ? ` (${errorCode(dp)})` : ""}. No dialog token, so there is nothing to show the service provider: the run stops here.`;
      const a = String(notes.token?.claims.a ?? "");
      const entries = parseActions(a).map(formatAction);
      const missing = data.actionMissing ? " The chosen action is not in the dialog it returned, so there is nothing to call: the run stops here." : "";
      return `Step 3: Dialogporten answered ${status(dp?.response)}: the dialog, with isAuthorized on each action, and a fresh 10-minute dialog token granting ${entries.length} action${entries.length === 1 ? "" : "s"} in a.${missing}`;
    }
    case 4: {
      if (!sp) return "Step 4: no call was made.";
      const masked = data.action?.masked ? " Dialogporten masked this URL (not authorized); the sandbox calls it anyway." : "";
      return `Step 4: ${data.action?.label ?? "the action"} (${sp.request.method}) at the service provider, with the dialog token as Bearer.${masked}`;
    }
    case 5: {
      const n = serviceProviderNotes(sp);
      const v = n.verification;
      const keys = n.keySource === "network" ? "Keys fetched from Dialogporten (cache miss)." : n.keySource === "cache" ? "Keys from its cache." : "";
      if (!v) return `Step 5: the service provider made no verification (${status(sp?.response)}). ${keys}`;
      const verdict = v.valid ? `all ${v.checks.filter((c) => !c.skipped).length} checks passed` : `check “${v.failure?.code}” failed: ${v.failure?.failure}`;
      return `Step 5: the service provider checked the token itself: ${verdict}. ${keys} No call to Altinn Authorization.`;
    }
    case 6:
      return `Step 6: the service provider answered ${status(sp?.response)}${errorCode(sp) ? ` (${errorCode(sp)})` : ""}.${afterStep6(data)}${end ? " The run is complete." : ""}`;
    default:
      return "";
  }
}

/** What the end-user system made of step 6: the embed it checked, or the dialog it fetched again after a write. */
function afterStep6(data: RunData): string {
  const embed = data.embed;
  if (embed) {
    const tries = embed.attempts.length > 1 ? ` It took ${embed.attempts.length} attempts.` : "";
    const r = embed.result;
    const what =
      r.kind === "markdown"
        ? " The end-user system checked it (Content-Type, size) and rendered the markdown with allow-listed tags only."
        : r.kind === "refused"
          ? ` The end-user system refused it: ${r.code}.`
          : r.kind === "empty"
            ? " Nothing to show."
            : "";
    return tries + what;
  }
  const mode = followUpOf(data.action?.method, data.spExchange);
  const after = data.after;
  if (!mode) return errorCode(data.spExchange) === "dialog_not_in_task" ? " The dialog is not in the task this action belongs to; nothing changed." : "";
  if (!after) return mode === "poll" ? " The change is queued: next, poll the dialog until it changes." : " The dialog was updated: next, fetch it again.";
  const n = after.fetches.length;
  if (after.state === "fetching") return ` Polling the dialog: ${n} GET${n === 1 ? "" : "s"}, no new revision yet.`;
  // The Changes tab has the details; the narration box holds three lines.
  if (after.state === "gave-up") return " No new revision within 10 s: the end-user system gives up and shows a generic error.";
  if (after.state === "unchanged") return " Fetched again: the revision is the same.";
  if (after.state !== "changed" || !after.dialog || !data.dialog) return " Fetching the dialog again failed.";
  // Kept to what a sentence needs (the Changes tab has the full comparison), so this module stays small.
  const known = new Set(data.dialog.activities.map((a) => a.id));
  const added = after.dialog.activities.filter((a) => !known.has(a.id)).map((a) => a.type);
  const polls = after.mode === "poll" ? ` (${n} GET${n === 1 ? "" : "s"})` : "";
  const [was, is] = [data.dialog.status, after.dialog.status];
  return ` Fetched again${polls}: new revision, status ${was === is ? `still ${is}` : `${was} → ${is}`}, new activity ${added.join(", ") || "none"}, new dialog token.`;
}
