import type { Dialog } from "@/lib/altinn/dialog";
import type { ActionChoice } from "@/lib/end-user-system/calls";
import { seedDialogs } from "@/lib/seed/dialogs";
import { PARTY_NAMES } from "@/lib/seed/parties";
import type { Persona, PersonaId } from "@/lib/seed/personas";
import { findPersona, personas } from "@/lib/seed/personas";

/** What the user picks before a run: who signs in, for whom, which dialog, and what to do at the service provider. */
export interface Scenario {
  personaId: PersonaId;
  party: string;
  dialogId: string;
  /** An encoded {@link ActionChoice}: `embed`, `transmission:<id>`, `gui:<id>` or `api:<id>`. */
  action: string;
}

export interface Option {
  value: string;
  label: string;
}

const first = (l: { value: string }[] | undefined) => l?.[0]?.value ?? "";

export const partyName = (urn: string): string => PARTY_NAMES[urn] ?? urn;

export function dialogTitle(dialog: Dialog | undefined): string {
  return first(dialog?.content.title.value) || "(untitled dialog)";
}

export function findDialog(id: string): Dialog | undefined {
  return seedDialogs.find((d) => d.id === id);
}

export function personaOf(s: Scenario): Persona {
  return findPersona(s.personaId) ?? personas[0]!;
}

/** The actions the end-user system can perform on a dialog, labelled as `action[,attribute]` the way `a` spells them. */
export function actionOptions(dialog: Dialog | undefined): Option[] {
  if (!dialog) return [];
  const pair = (action: string, attribute?: string) => (attribute ? `${action},${attribute}` : action);
  const out: Option[] = [];
  if (dialog.content.mainContentReference) out.push({ value: "embed", label: "Front-channel embed · GET · read" });
  for (const t of dialog.transmissions) {
    if (!t.content.contentReference) continue;
    const needs = t.authorizationAttribute
      ? pair(t.authorizationAttribute.startsWith("urn:altinn:resource:") ? "read" : "transmissionread", t.authorizationAttribute)
      : "read";
    out.push({ value: `transmission:${t.id}`, label: `Transmission “${first(t.content.title.value)}” · GET · ${needs}` });
  }
  for (const g of dialog.guiActions) {
    if (g.httpMethod === "GET") continue; // a GET GUI action is plain navigation: no token is sent (real portal behaviour)
    out.push({ value: `gui:${g.id}`, label: `GUI action “${first(g.title)}” · ${g.httpMethod} · ${pair(g.action, g.authorizationAttribute)}` });
  }
  for (const a of dialog.apiActions) {
    const e = a.endpoints[0];
    if (e) out.push({ value: `api:${a.id}`, label: `API action “${a.name ?? a.action}” · ${e.httpMethod} · ${pair(a.action, a.authorizationAttribute)}` });
  }
  return out;
}

export function decodeChoice(value: string): ActionChoice {
  const [kind, id = ""] = value.split(/:(.*)/s, 2) as [string, string | undefined];
  if (kind === "transmission") return { kind, transmissionId: id };
  if (kind === "gui") return { kind, actionId: id };
  if (kind === "api") return { kind, actionId: id };
  return { kind: "embed" };
}

export const personaOptions: Option[] = personas.map((p) => ({ value: p.id, label: `${p.name} · ${p.provider}` }));

export function partyOptions(personaId: PersonaId): Option[] {
  return (findPersona(personaId)?.parties ?? []).map((urn) => ({ value: urn, label: partyName(urn) }));
}

/** Dialogs of the chosen party first; the rest are offered too, to see Dialogporten refuse. */
export function dialogGroups(party: string): { own: Option[]; others: Option[] } {
  const option = (d: Dialog): Option => ({ value: d.id, label: `${dialogTitle(d)} (${partyName(d.party)})` });
  return {
    own: seedDialogs.filter((d) => d.party === party).map(option),
    others: seedDialogs.filter((d) => d.party !== party).map(option),
  };
}

function forDialog(s: Omit<Scenario, "action">): Scenario {
  return { ...s, action: actionOptions(findDialog(s.dialogId))[0]?.value ?? "embed" };
}

function forParty(personaId: PersonaId, party: string): Scenario {
  const dialog = seedDialogs.find((d) => d.party === party) ?? seedDialogs[0]!;
  return forDialog({ personaId, party, dialogId: dialog.id });
}

export function forPersona(personaId: PersonaId): Scenario {
  const persona = findPersona(personaId) ?? personas[0]!;
  return forParty(persona.id, persona.parties[0] ?? "");
}

/** Changing one field resets the ones below it to sensible values, so every combination offered is runnable. */
export function changeScenario(s: Scenario, field: keyof Scenario, value: string): Scenario {
  switch (field) {
    case "personaId":
      return forPersona(value as PersonaId);
    case "party":
      return forParty(s.personaId, value);
    case "dialogId":
      return forDialog({ personaId: s.personaId, party: s.party, dialogId: value });
    case "action":
      return { ...s, action: value };
  }
}

/** Kari, her own tax return, the front-channel embed: the happy path on the first click. */
export const DEFAULT_SCENARIO: Scenario = forPersona("kari");
