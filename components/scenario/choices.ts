import type { Dialog } from "@/lib/altinn/dialog";
import type { Policy } from "@/lib/altinn/resource-registry";
import { seedDialogs } from "@/lib/seed/dialogs";
import type { Persona } from "@/lib/seed/personas";
import type { Text } from "../i18n/text";
import type { Step3 } from "./reachability";
import { grants, predictStep3, step3Status } from "./reachability";
import type { ActionOption, Option } from "./scenario";
import { actionOptions, dialogTitle, partyName } from "./scenario";

interface DialogChoice extends Option {
  text: Text;
  step3: Step3;
}

/**
 * The dialogs, split by what step 3 will do for this persona (under the workspace's `policies`): the ones Dialogporten hands out first, then
 * the ones it refuses (still choosable: a refusal teaches). Within each, the chosen party's come first.
 */
export function dialogChoices(persona: Persona, party: string, policies?: Policy[]): { reachable: DialogChoice[]; refused: DialogChoice[] } {
  const ordered = [...seedDialogs.filter((d) => d.party === party), ...seedDialogs.filter((d) => d.party !== party)];
  const all = ordered.map((d): DialogChoice => {
    const step3 = predictStep3(persona, d, policies);
    const base = `${dialogTitle(d)} (${partyName(d.party)})`;
    const status = step3Status(step3);
    const text = step3.passes ? { en: base, nb: base } : { en: `${base} — ${status} at step 3`, nb: `${base} — ${status} i steg 3` };
    return { value: d.id, label: text.en, text, step3 };
  });
  return { reachable: all.filter((c) => c.step3.passes), refused: all.filter((c) => !c.step3.passes) };
}

/** The dialog's actions, split into those the dialog token will carry and those the service provider will refuse. */
export function actionChoices(
  persona: Persona,
  dialog: Dialog | undefined,
  policies?: Policy[],
): { step3: Step3 | null; granted: ActionOption[]; refused: ActionOption[] } {
  if (!dialog) return { step3: null, granted: [], refused: [] };
  const step3 = predictStep3(persona, dialog, policies);
  const options = actionOptions(dialog);
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
