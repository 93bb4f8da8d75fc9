import type { CheckCode } from "@/lib/service-provider/types";
import type { Text } from "../i18n/text";

/** The step-5 checks in both languages (the verifier's own labels are English, lib/service-provider/verify.ts). */
export const CHECK_LABELS: Record<CheckCode, Text> = {
  format: {
    en: "Compact JWS: three base64url parts, JSON header and claims, at most 8 KB",
    nb: "Kompakt JWS: tre base64url-deler, JSON-header og -claims, høyst 8 KB",
  },
  alg: { en: "Algorithm is EdDSA", nb: "Algoritmen er EdDSA" },
  header: { en: "No key-carrying or critical header parameters", nb: "Ingen header-parametere som bærer nøkler eller er kritiske" },
  kid: { en: "Key id names an Ed25519 key in the JWKS", nb: "Nøkkel-id-en peker på en Ed25519-nøkkel i JWKS-en" },
  signature: { en: "Ed25519 signature over header.payload", nb: "Ed25519-signatur over header.payload" },
  typ: { en: 'Type is "JWT"', nb: 'Typen er "JWT"' },
  iss: { en: "Issuer is the expected Dialogporten", nb: "Utstederen er forventet Dialogporten" },
  nbf: { en: "Not used before nbf", nb: "Ikke brukt før nbf" },
  exp: { en: "Not expired, lifetime plausible", nb: "Ikke utløpt, rimelig levetid" },
  i: { en: "Token is for this dialog", nb: "Tokenet gjelder denne dialogen" },
  a: { en: "Action is in the a claim", nb: "Handlingen står i a-claimet" },
  l: { en: "Authentication level meets the minimum", nb: "Sikkerhetsnivået når minstekravet" },
};
