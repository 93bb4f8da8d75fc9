import type { AltinnAction } from "@/lib/altinn/actions";
import { getAltinnActions, MAIN } from "@/lib/altinn/actions";
import { buildDecisionRequest, readDecisionResponse } from "@/lib/altinn/decision-request";
import type { Dialog } from "@/lib/altinn/dialog";
import type { PrincipalCode } from "@/lib/altinn/principal";
import { principalFromClaims } from "@/lib/altinn/principal";
import type { ExplanationReason } from "@/lib/authorization/decide";
import { decide } from "@/lib/authorization/decide";
import { parseXacmlRequest } from "@/lib/authorization/parse";
import type { Policy } from "@/lib/altinn/resource-registry";
import { policies as seedPolicies, roleAssignments } from "@/lib/seed/policies";
import type { Persona } from "@/lib/seed/personas";
import { serviceResources } from "@/lib/seed/resources";
import { visibility } from "@/lib/dialogporten/list-authorization";

/** What step 3 will do for a persona and a dialog, worked out before the run. */
export type Step3 =
  | { passes: true; permitted: AltinnAction[] }
  | { passes: false; code: "no_access"; reason: ExplanationReason; roles: string[]; ruleId?: string }
  | { passes: false; code: "authentication_level_too_low"; level: number; required: number }
  | { passes: false; code: "dialog_deleted" }
  | { passes: false; code: PrincipalCode };

/**
 * Asks the same policy decision point the run uses — `decide` over `policies`, the workspace's (the seed's
 * when not given), with the seed's roles and resources as the PDP service has them (lib/sandbox.ts) — the
 * same question Dialogporten asks at step 1 (`buildDecisionRequest` over `getAltinnActions`), and applies
 * Dialogporten's refusals in its order: nothing permitted at all, so not even list authorization lets the
 * user see it (no_access, 403), a deleted dialog (410), then an authentication level below the minimum the
 * PDP's obligation names (403) (docs/real-systems.md §3.3, docs/fidelity.md). Reading the decision
 * rather than a table means a changed policy changes what the form offers. Faults and a workspace's own
 * changes to a dialog are not foreseen: they belong to the run.
 */
export function predictStep3(persona: Persona, dialog: Dialog, policies: Policy[] = seedPolicies): Step3 {
  const principal = principalFromClaims(persona.claims);
  if (!principal.ok) return { passes: false, code: principal.code };
  const candidates = getAltinnActions(dialog);
  // As over the wire: the JSON Dialogporten sends, parsed the way the PDP's handler parses it.
  const parsed = parseXacmlRequest(JSON.parse(JSON.stringify(buildDecisionRequest(principal.principal, dialog, candidates))));
  if (!parsed.ok) return { passes: false, code: "no_access", reason: "invalid_request", roles: [] };
  const { response, explanations } = decide(parsed.request, { policies, roles: roleAssignments, resources: serviceResources });
  const read = readDecisionResponse(response, candidates);
  // decide() always answers one result per pair, so the response is never garbage here.
  const permitted = read.ok ? read.permitted : [];
  if (!visibility(permitted).visible) {
    const main = candidates.findIndex((c) => c.name === "read" && c.attribute === MAIN);
    const why = explanations[main];
    return { passes: false, code: "no_access", reason: why?.reason ?? "no_matching_rule", roles: why?.roles ?? [], ruleId: why?.ruleId };
  }
  if (dialog.deletedAt) return { passes: false, code: "dialog_deleted" };
  // Where Dialogporten reads it: the obligation on the Permits, else the resource registry's (docs/fidelity.md).
  const obliged = read.ok ? read.minimumAuthenticationLevel : undefined;
  const required = obliged ?? serviceResources.find((r) => r.id === dialog.serviceResource)?.minimumAuthenticationLevel ?? 0;
  if (principal.principal.level < required) return { passes: false, code: "authentication_level_too_low", level: principal.principal.level, required };
  return { passes: true, permitted };
}

/** Whether the dialog token's `a` claim will carry the pair an action needs. */
export const grants = (step3: Step3, needs: AltinnAction): boolean =>
  step3.passes && step3.permitted.some((p) => p.name === needs.name && p.attribute === needs.attribute);

/** The status Dialogporten answers at step 3 when it refuses. */
export const step3Status = (step3: Step3): 403 | 410 => (!step3.passes && step3.code === "dialog_deleted" ? 410 : 403);
