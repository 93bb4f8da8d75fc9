import { parseActions, formatAction } from "@/lib/service-provider/decode";
import type { RunData, Step } from "./run-model";
import { isFinished } from "./run-model";
import { dialogTitle, findDialog, partyName, personaOf } from "./scenario";
import { authorizeExchange, dialogportenNotes, errorCode, serviceProviderNotes } from "./trace-notes";

const status = (r: { status: number; statusText: string } | null | undefined) => (r ? `${r.status} ${r.statusText}`.trim() : "no answer");

/** What just happened, in one or two sentences: shown under the diagram and announced to screen readers. */
export function narrate(data: RunData | null, step: Step): string {
  if (!data || step < 0) return "Ready. Pick a scenario, then press Run all or Next step. Nothing has been sent yet.";
  const persona = personaOf(data.scenario);
  const dialog = findDialog(data.scenario.dialogId);
  const dp = data.dialogExchange;
  const notes = dialogportenNotes(dp);
  const sp = data.spExchange;
  const end = isFinished(data, step);
  switch (step) {
    case 0:
      return data.accessToken
        ? `Step 0: the end-user system signed in as ${persona.name} at ${persona.provider} (${status(data.signIn?.response)}) and holds an access token. Next it asks Dialogporten for “${dialogTitle(dialog)}”.`
        : `Step 0: sign-in failed (${status(data.signIn?.response)}). The run stops here.`;
    case 1: {
      const n = notes.candidates?.length ?? 0;
      const subject = notes.principal?.subject;
      return `Step 1: Dialogporten checked the access token, then asked Altinn Authorization about ${n} (action, attribute) pair${n === 1 ? "" : "s"} in one XACML multi-request${subject ? ` for ${subject.id}:${subject.value}` : ""}, acting for ${partyName(dialog?.party ?? "")}.`;
    }
    case 2: {
      const decisions = notes.decisions ?? [];
      const permits = decisions.filter((d) => d.decision === "Permit").length;
      return `Step 2: Altinn Authorization answered ${status(authorizeExchange(dp)?.response)} with ${decisions.length} decisions: ${permits} Permit, ${decisions.length - permits} not.`;
    }
    case 3: {
      if (!data.dialog?.dialogToken) return `Step 3: Dialogporten answered ${status(dp?.response)}${errorCode(dp) ? ` (${errorCode(dp)})` : ""}. No dialog token, so there is nothing to show the service provider: the run stops here.`;
      const a = String(notes.token?.claims.a ?? "");
      const entries = parseActions(a).map(formatAction);
      return `Step 3: Dialogporten answered ${status(dp?.response)}: the dialog with isAuthorized on every action, and a fresh dialog token valid 10 minutes whose a claim lists ${entries.length ? entries.join("; ") : "no actions"}.`;
    }
    case 4: {
      if (!sp) return data.actionMissing ? "Step 4: the chosen action is not in this dialog; nothing to call." : "Step 4.";
      const masked = data.action?.masked ? " Dialogporten masked this action's URL because it is not authorized; the sandbox calls the provider's known URL anyway, to show that it refuses." : "";
      return `Step 4: the end-user system calls the service provider: ${sp.request.method} ${new URL(sp.request.url).pathname} with Authorization: Bearer <dialog token>.${masked}`;
    }
    case 5: {
      const n = serviceProviderNotes(sp);
      const v = n.verification;
      const keys = n.keySource === "network" ? "It fetched Dialogporten's keys first (cache miss)." : n.keySource === "cache" ? "Keys came from its cache." : "";
      if (!v) return `Step 5: the service provider made no verification (${status(sp?.response)}). ${keys}`;
      const verdict = v.valid ? `all ${v.checks.length} checks passed` : `check “${v.failure?.code}” failed with ${v.failure?.failure}`;
      return `Step 5: the service provider validated the token itself: ${verdict}. ${keys} No call to Altinn Authorization.`;
    }
    case 6:
      return `Step 6: the service provider answered ${status(sp?.response)}${errorCode(sp) ? ` (${errorCode(sp)})` : ""}.${end ? " The run is complete." : ""}`;
    default:
      return "";
  }
}
