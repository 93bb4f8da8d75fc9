import type { AltinnAction } from "@/lib/altinn/actions";
import { MAIN } from "@/lib/altinn/actions";
import type { ContentValue, Dialog, DialogListItem } from "@/lib/altinn/dialog";
import type { ActionChoice } from "@/lib/end-user-system/calls";
import { seedDialogs } from "@/lib/seed/dialogs";
import { PARTY_NAMES } from "@/lib/seed/parties";
import type { Persona, PersonaId } from "@/lib/seed/personas";
import { findPersona, personas } from "@/lib/seed/personas";
import type { Text } from "../i18n/text";
import { grants, predictStep3 } from "./reachability";

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

/** An action the form offers: its English `label` (links and tests use it), both languages, and the pair the token must carry for it. */
export interface ActionOption extends Option {
  text: Text;
  needs: AltinnAction;
}

const first = (l: { value: string }[] | undefined) => l?.[0]?.value ?? "";

export const partyName = (urn: string): string => PARTY_NAMES[urn] ?? urn;

export function dialogTitle(dialog: { content: { title: ContentValue } } | undefined): string {
  return first(dialog?.content.title.value) || "(untitled dialog)";
}

export function findDialog(id: string): Dialog | undefined {
  return seedDialogs.find((d) => d.id === id);
}

/**
 * The dialogs Dialogporten's search has listed in this browser (./dialog-list.ts), by id: all the form knows
 * of a dialog the seed does not have (one a team created), until a run fetches it.
 */
const listed = new Map<string, DialogListItem>();

export function rememberListed(items: DialogListItem[]): void {
  for (const item of items) listed.set(item.id, item);
}

export const listedDialog = (id: string): DialogListItem | undefined => listed.get(id);

/** The dialog's title, from the seed or from the search's answer. */
export const titleOf = (id: string): string => dialogTitle(findDialog(id) ?? listedDialog(id));

export function personaOf(s: Scenario): Persona {
  return findPersona(s.personaId) ?? personas[0]!;
}

/** The actions the end-user system can perform on a dialog, labelled as `action[,attribute]` the way `a` spells them. */
export function actionOptions(dialog: Dialog | undefined): ActionOption[] {
  if (!dialog) return [];
  const pair = (p: AltinnAction) => (p.attribute === MAIN ? p.name : `${p.name},${p.attribute}`);
  const option = (value: string, en: string, nb: string, method: string, needs: AltinnAction): ActionOption => {
    const tail = ` · ${method} · ${pair(needs)}`;
    return { value, label: en + tail, text: { en: en + tail, nb: nb + tail }, needs };
  };
  const out: ActionOption[] = [];
  if (dialog.content.mainContentReference)
    out.push(option("embed", "Front-channel embed", "Innebygd innhold (front channel embed)", "GET", { name: "read", attribute: MAIN }));
  for (const t of dialog.transmissions) {
    if (!t.content.contentReference) continue;
    const attr = t.authorizationAttribute;
    const needs = attr ? { name: attr.startsWith("urn:altinn:resource:") ? "read" : "transmissionread", attribute: attr } : { name: "read", attribute: MAIN };
    const title = first(t.content.title.value);
    out.push(option(`transmission:${t.id}`, `Transmission “${title}”`, `Forsendelse «${title}»`, "GET", needs));
  }
  for (const g of dialog.guiActions) {
    if (g.httpMethod === "GET") continue; // a GET GUI action is plain navigation: no token is sent (real portal behaviour)
    const title = first(g.title);
    out.push(
      option(`gui:${g.id}`, `GUI action “${title}”`, `GUI-handling «${title}»`, g.httpMethod, { name: g.action, attribute: g.authorizationAttribute ?? MAIN }),
    );
  }
  for (const a of dialog.apiActions) {
    const e = a.endpoints[0];
    const name = a.name ?? a.action;
    if (e)
      out.push(
        option(`api:${a.id}`, `API action “${name}”`, `API-handling «${name}»`, e.httpMethod, { name: a.action, attribute: a.authorizationAttribute ?? MAIN }),
      );
  }
  return out;
}

/**
 * The actions to offer for a dialog by id. One known only from the search (no actions in a list item) gets
 * its front-channel embed: the run finds out at step 3 whether it has one.
 */
export function actionOptionsFor(id: string): ActionOption[] {
  const seed = findDialog(id);
  if (seed || !listedDialog(id)) return actionOptions(seed);
  const tail = " · GET · read";
  return [
    {
      value: "embed",
      label: `Front-channel embed (if it has one)${tail}`,
      text: { en: `Front-channel embed (if it has one)${tail}`, nb: `Innebygd innhold (om den har det)${tail}` },
      needs: { name: "read", attribute: MAIN },
    },
  ];
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

/** Prefers an action the token will carry, so the first run of a choice goes through when anything can. */
function forDialog(s: Omit<Scenario, "action">): Scenario {
  const dialog = findDialog(s.dialogId);
  const options = actionOptionsFor(s.dialogId);
  const step3 = dialog && predictStep3(findPersona(s.personaId) ?? personas[0]!, dialog);
  const granted = options.find((o) => step3 && grants(step3, o.needs));
  return { ...s, action: (granted ?? options[0])?.value ?? "embed" };
}

/** The party's first dialog Dialogporten will hand out, else its first (to see the refusal). */
function forParty(personaId: PersonaId, party: string): Scenario {
  const persona = findPersona(personaId) ?? personas[0]!;
  const own = seedDialogs.filter((d) => d.party === party);
  const dialog = own.find((d) => predictStep3(persona, d).passes) ?? own[0] ?? seedDialogs[0]!;
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
