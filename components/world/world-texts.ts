import type { Text } from "../i18n/text";

export const WORLD_INTRO: Text = {
  en: "What changes in real integrations is time and keys. Move this workspace's clock, skew Dialogporten's clock against the service provider's, rotate Dialogporten's signing keys and watch the provider's key cache: then run the sequence and see step 5 follow. Only your workspace changes; everyone else keeps the real clock and the deployment's keys.",
  nb: "Det som endrer seg i ekte integrasjoner, er tid og nøkler. Flytt klokka i dette arbeidsområdet, la Dialogportens klokke gå annerledes enn tjenestetilbyderens, roter Dialogportens signeringsnøkler og følg tjenestetilbyderens nøkkelbuffer: kjør så sekvensen og se steg 5 følge etter. Bare ditt arbeidsområde endres; alle andre beholder den ekte klokka og installasjonens nøkler.",
};
