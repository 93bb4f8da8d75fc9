import type { Dialog, DialogListItem } from "@/lib/altinn/dialog";
import type { Policy } from "@/lib/altinn/resource-registry";
import { seedDialogs } from "@/lib/seed/dialogs";
import type { Persona } from "@/lib/seed/personas";
import type { Text } from "../i18n/text";
import type { Step3 } from "./reachability";
import { grants, predictStep3, step3Status } from "./reachability";
import type { ActionOption, Option } from "./scenario";
import { actionOptionsFor, dialogTitle, findDialog, listedDialog, partyName } from "./scenario";

interface DialogChoice extends Option {
  text: Text;
  step3: Step3;
}

/**
 * A list item as a dialog the prediction can read: the search answers no actions or transmissions, so the
 * prediction asks the PDP only about reading it — all the form can know of a dialog it has not fetched.
 */
function predictable(item: DialogListItem): Dialog {
  return {
    ...item,
    revision: item.endUserContext.revision,
    serviceResourceType: "GenericAccessResource",
    createdAt: item.contentUpdatedAt,
    updatedAt: item.contentUpdatedAt,
    isApiOnly: false,
    hasUnopenedContent: false,
    systemLabel: item.endUserContext.systemLabels[0] ?? "Default",
    fromServiceOwnerTransmissionsCount: 0,
    fromPartyTransmissionsCount: 0,
    attachments: [],
    transmissions: [],
    guiActions: [],
    apiActions: [],
    activities: [],
    seenSinceLastUpdate: [],
    seenSinceLastContentUpdate: [],
    isContentSeen: false,
  };
}

const BIN: Text = { en: " — in the Bin", nb: " — i papirkurven" };
const UNLISTED: Text = { en: " — not listed (deleted or hidden)", nb: " — ikke listet (slettet eller skjult)" };

/**
 * The dialogs, split by what step 3 will do for this persona: the ones Dialogporten hands out first, then
 * the ones it refuses (still choosable: a refusal teaches). Within each, the chosen party's come first:
 * once `listed` (the search's answer for the party) is there, its items in its order, a dialog in the Bin
 * saying so, then the party's seed dialogs it did not list; before that, the seed's. Other parties' seed
 * dialogs follow, to see Dialogporten refuse. The predictions use the workspace's `policies` (the seed's when absent).
 */
export function dialogChoices(
  persona: Persona,
  party: string,
  listed?: DialogListItem[],
  policies?: Policy[],
): { reachable: DialogChoice[]; refused: DialogChoice[] } {
  const own = seedDialogs.filter((d) => d.party === party);
  type Candidate = { dialog: Dialog; item?: DialogListItem; unlisted?: boolean };
  const candidates: Candidate[] = listed
    ? [
        ...listed.map((item) => ({ dialog: findDialog(item.id) ?? predictable(item), item })),
        ...own.filter((d) => !listed.some((i) => i.id === d.id)).map((dialog) => ({ dialog, unlisted: true })),
      ]
    : own.map((dialog) => ({ dialog }));
  const ordered: Candidate[] = [...candidates, ...seedDialogs.filter((d) => d.party !== party).map((dialog) => ({ dialog }))];
  const all = ordered.map(({ dialog: d, item, unlisted }): DialogChoice => {
    const step3 = predictStep3(persona, d, policies);
    const base = `${dialogTitle(item ?? d)} (${partyName(d.party)})`;
    const status = step3Status(step3);
    const mark = item?.endUserContext.systemLabels.includes("Bin") ? BIN : unlisted && step3.passes ? UNLISTED : { en: "", nb: "" };
    const refused =
      !step3.passes && step3.code === "dialog_deleted" ? { en: `deleted: ${status}`, nb: `slettet: ${status}` } : { en: `${status}`, nb: `${status}` };
    const text = step3.passes
      ? { en: base + mark.en, nb: base + mark.nb }
      : { en: `${base} — ${refused.en} at step 3`, nb: `${base} — ${refused.nb} i steg 3` };
    return { value: d.id, label: text.en, text, step3 };
  });
  return { reachable: all.filter((c) => c.step3.passes), refused: all.filter((c) => !c.step3.passes) };
}

/** The dialog as far as the form knows it: the seed's, or what the search listed of it. */
export function knownDialog(id: string): Dialog | undefined {
  const item = listedDialog(id);
  return findDialog(id) ?? (item && predictable(item));
}

/** The dialog's actions, split into those the dialog token will carry and those the service provider will refuse. */
export function actionChoices(
  persona: Persona,
  dialog: Dialog | undefined,
  policies?: Policy[],
): { step3: Step3 | null; granted: ActionOption[]; refused: ActionOption[] } {
  if (!dialog) return { step3: null, granted: [], refused: [] };
  const step3 = predictStep3(persona, dialog, policies);
  const options = actionOptionsFor(dialog.id);
  return { step3, granted: options.filter((o) => grants(step3, o.needs)), refused: options.filter((o) => !grants(step3, o.needs)) };
}

const short = (urn: string) => urn.split(":").at(-1) ?? urn;
/** Altinn's authentication levels as the UI names them (also the policy editor's choices). */
export const LEVEL_NAMES: Readonly<Record<number, Text>> = {
  0: { en: "0 (self-registered)", nb: "0 (selvregistrert)" },
  1: { en: "1 (password)", nb: "1 (passord)" },
  2: { en: "2 (low)", nb: "2 (lavt)" },
  3: { en: "3 (substantial)", nb: "3 (betydelig)" },
  4: { en: "4 (high)", nb: "4 (høyt)" },
};
const level = (n: number, lang: keyof Text) => LEVEL_NAMES[n]?.[lang] ?? String(n);
const both = (f: (lang: keyof Text) => string): Text => ({ en: f("en"), nb: f("nb") });

/** One or two sentences on what step 3 will do for this persona and dialog, and why. */
export function step3Sentence(persona: Persona, dialog: Dialog, step3: Step3): Text {
  const who = persona.name;
  const party = partyName(dialog.party);
  if (step3.passes) {
    const n = step3.permitted.length;
    return {
      en: `Altinn Authorization permits ${n} action${n === 1 ? "" : "s"} on this dialog for ${who}; the dialog token will carry them.`,
      nb: `Altinn Autorisasjon tillater ${n} ${n === 1 ? "handling" : "handlinger"} på denne dialogen for ${who}; dialogtokenet vil inneholde dem.`,
    };
  }
  const refuse = both((l) =>
    l === "en"
      ? `step 3 will refuse with ${step3Status(step3)} (${step3.code}) — choose it to see the refusal.`
      : `steg 3 avviser med ${step3Status(step3)} (${step3.code}) – velg den for å se avvisningen.`,
  );
  switch (step3.code) {
    case "authentication_level_too_low":
      return both((l) =>
        l === "en"
          ? `${who} signs in at level ${level(step3.level, l)}; this service requires level ${level(step3.required, l)}: ${refuse.en}`
          : `${who} logger inn på nivå ${level(step3.level, l)}; denne tjenesten krever nivå ${level(step3.required, l)}: ${refuse.nb}`,
      );
    case "dialog_deleted":
      return {
        en: `The service owner has deleted this dialog (a soft delete): ${refuse.en}`,
        nb: `Tjenesteeieren har slettet denne dialogen (myk sletting): ${refuse.nb}`,
      };
    case "no_access": {
      const roles = step3.roles.map(short).join(", ");
      if (step3.reason === "no_roles")
        return {
          en: `${who} has no role or access package for ${party}: ${refuse.en}`,
          nb: `${who} har ingen rolle eller tilgangspakke for ${party}: ${refuse.nb}`,
        };
      if (step3.reason === "rule_deny")
        return {
          en: `Rule ${step3.ruleId ?? ""} denies ${who} reading this dialog: ${refuse.en}`,
          nb: `Regel ${step3.ruleId ?? ""} nekter ${who} å lese denne dialogen: ${refuse.nb}`,
        };
      if (step3.reason === "no_matching_rule")
        return {
          en: `${who} holds ${roles} for ${party}, but no rule of the service's policy lets that read the dialog: ${refuse.en}`,
          nb: `${who} har ${roles} for ${party}, men ingen regel i tjenestens policy gir det lesetilgang til dialogen: ${refuse.nb}`,
        };
      return {
        en: `Altinn Authorization permits ${who} nothing on this dialog (${step3.reason}): ${refuse.en}`,
        nb: `Altinn Autorisasjon tillater ${who} ingenting på denne dialogen (${step3.reason}): ${refuse.nb}`,
      };
    }
    default:
      return {
        en: `${who}'s access token names no one Altinn Authorization can be asked about (${step3.code}): Dialogporten refuses at step 3.`,
        nb: `Tilgangstokenet til ${who} angir ingen Altinn Autorisasjon kan spørres om (${step3.code}): Dialogporten avviser i steg 3.`,
      };
  }
}
