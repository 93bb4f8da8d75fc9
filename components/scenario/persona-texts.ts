import type { Persona, PersonaId } from "@/lib/seed/personas";
import type { Locale } from "../i18n/locale";

/** The personas' one-line descriptions in Norwegian; the seed (lib/, no UI language) holds them in English. */
const SUMMARY_NB: Readonly<Record<PersonaId, string>> = {
  kari: "Person, innlogget med ID-porten på nivå høyt (4). Handler for seg selv.",
  ola: "Person på nivå betydelig (3); daglig leder (DAGL) i Sandbox Bakeri AS.",
  "system-user": "Et regnskapssystem fra en leverandør som handler som systembrukeren til Sandbox Bakeri AS, via Maskinporten.",
  "email-user": "Selvregistrert e-postbruker (nivå 0), via ID-porten; handler bare for seg selv.",
  "supplier-system-user":
    "Den samme systembrukeren, men Maskinporten-tokenet ble hentet av en driftspartner (Driftspartner Sandbox AS), så dialogtokenet har u.",
};

/** A persona's description in the reader's language (English where no translation exists yet). */
export const personaSummary = (persona: Persona, locale: Locale): string => (locale === "nb" ? SUMMARY_NB[persona.id] : persona.summary);
