import type { Text } from "../i18n/text";

export const CONFORMANCE_PAGE = {
  metaTitle: { en: "Conformance · Dialog Token Sandbox", nb: "Samsvarstest · Dialog Token Sandbox" },
  title: { en: "Dialog Token Sandbox: conformance", nb: "Dialog Token Sandbox: samsvarstest" },
  intro: {
    en: "Point it at your own service provider. The sandbox mints a valid token for your endpoint, checks that you accept it, then sends every catalogue attack that applies to a provider — tampered, alg and kid tricks, expired, wrong issuer, another dialog, the #4043 attribute trap, delivery mistakes — and reports each one you did not refuse with a 4xx. The same as npm run conformance.",
    nb: "Pek den mot din egen tjenestetilbyder. Sandkassen lager et gyldig token for endepunktet ditt, sjekker at du godtar det, og sender så hvert angrep i katalogen som gjelder en tjenestetilbyder — manipulert token, alg- og kid-triks, utløpt, feil utsteder, en annen dialog, attributtfellen fra #4043, feil i leveringen — og rapporterer hvert angrep du ikke avviste med en 4xx. Det samme som npm run conformance.",
  },
} satisfies Record<string, Text>;
