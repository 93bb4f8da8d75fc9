import type { Check, CheckCode } from "@/lib/service-provider/types";
import type { Locale } from "../i18n/locale";
import { translate, type Translated } from "../i18n/patterns";
import type { Text } from "../i18n/text";

/**
 * The verifier's sentence for one step-5 check, in the reader's language. lib/service-provider writes them in
 * English (the CLI and the provider's trace carry them); here each has its Norwegian twin, keyed by the check's
 * code, as patterns (components/i18n/patterns.ts) whose values (a kid, a date, a byte count) the Norwegian
 * sentence takes. A sentence no pattern matches (the verifier's wording changed) is shown as it came, in
 * English and marked so; check-sentences.test.ts runs the real verifier over every way a token can fail, so
 * that cannot go unnoticed.
 */
const SENTENCES: Readonly<Record<CheckCode | "skipped", readonly Text[]>> = {
  skipped: [{ en: "Not checked: an earlier check failed.", nb: "Ikke kontrollert: en tidligere kontroll feilet." }],
  format: [
    { en: "{bytes} bytes, header and claims decoded.", nb: "{bytes} byte, header og claims er dekodet." },
    { en: "The token is empty.", nb: "Tokenet er tomt." },
    { en: "The token is {n} bytes; at most {max} are accepted.", nb: "Tokenet er {n} byte; høyst {max} godtas." },
    { en: "A compact JWS has 3 dot-separated parts; this has {n}.", nb: "En kompakt JWS har 3 deler skilt med punktum; dette tokenet har {n}." },
    {
      en: "The {part} is not base64url-encoded UTF-8 (base64url: A-Z a-z 0-9 - _, no padding).",
      nb: "{Part} er ikke base64url-kodet UTF-8 (base64url: A-Z a-z 0-9 - _, uten utfylling).",
    },
    { en: "The {part} is not JSON.", nb: "{Part} er ikke JSON." },
    { en: "The {part} is JSON but not an object (it is {kind}).", nb: "{Part} er JSON, men ikke et objekt (det er {kind})." },
    {
      en: 'The {part} names "{name}" twice; duplicate member names are ambiguous and refused.',
      nb: "{Part} har «{name}» to ganger; like medlemsnavn er tvetydige og avvises.",
    },
    { en: "The signature is not base64url.", nb: "Signaturen er ikke base64url." },
    { en: 'Claim "{name}" must be a string.', nb: "Claimet «{name}» må være en streng." },
    { en: 'Claim "{name}" must be a string when present.', nb: "Claimet «{name}» må være en streng når det er med." },
    { en: 'Claim "{name}" must be a NumericDate (seconds since the epoch).', nb: "Claimet «{name}» må være en NumericDate (sekunder siden epoken)." },
    { en: 'Claim "l" must be an integer authentication level.', nb: "Claimet «l» må være et heltall: sikkerhetsnivået." },
    { en: "The claims are not a dialog token's.", nb: "Claimene er ikke et dialogtokens." },
  ],
  alg: [
    { en: "EdDSA (Ed25519).", nb: "EdDSA (Ed25519)." },
    { en: "Only EdDSA is accepted; none, HS*, RS*, ES* and others are refused.", nb: "Bare EdDSA godtas; none, HS*, RS*, ES* og andre avvises." },
  ],
  header: [
    { en: "No jku, jwk, x5u, x5c or crit.", nb: "Ingen jku, jwk, x5u, x5c eller crit." },
    {
      en: "Refused header parameter(s): {names}. Keys come only from the configured JWKS.",
      nb: "Avviste header-parametere: {names}. Nøkler hentes bare fra den konfigurerte JWKS-en.",
    },
  ],
  kid: [
    { en: "The header has no kid, so no key can be chosen.", nb: "Headeren har ingen kid, så ingen nøkkel kan velges." },
    { en: "No key in the JWKS has this kid.", nb: "Ingen nøkkel i JWKS-en har denne kid-en." },
    {
      en: "The key with this kid is not a usable Ed25519 signing key (wrong type, use or alg, or a weak small-order point).",
      nb: "Nøkkelen med denne kid-en er ikke en brukbar Ed25519-signeringsnøkkel (feil type, use eller alg, eller et svakt punkt av liten orden).",
    },
    { en: "Key {kid} found in the JWKS.", nb: "Nøkkelen {kid} finnes i JWKS-en." },
  ],
  signature: [
    { en: "The JWKS key is not a 32-byte Ed25519 public key.", nb: "Nøkkelen i JWKS-en er ikke en offentlig Ed25519-nøkkel på 32 byte." },
    { en: "An Ed25519 signature is 64 bytes; this one is {n}.", nb: "En Ed25519-signatur er 64 byte; denne er {n}." },
    { en: "Verified with {kid}.", nb: "Verifisert med {kid}." },
    {
      en: "The signature does not verify: the token was altered or signed by another key.",
      nb: "Signaturen lar seg ikke verifisere: tokenet er endret eller signert med en annen nøkkel.",
    },
    { en: "The signature could not be checked with this key.", nb: "Signaturen kunne ikke kontrolleres med denne nøkkelen." },
  ],
  typ: [
    { en: "JWT.", nb: "JWT." },
    { en: 'The header typ must be "JWT".', nb: 'Headerens typ må være "JWT".' },
  ],
  iss: [
    { en: "Issued by the expected Dialogporten.", nb: "Utstedt av forventet Dialogporten." },
    { en: "The token was issued by another Dialogporten (or environment).", nb: "Tokenet er utstedt av en annen Dialogporten (eller et annet miljø)." },
  ],
  nbf: [
    { en: "nbf {nbf}, now {now}, skew {skew} s.", nb: "nbf {nbf}, nå {now}, tillatt klokkeavvik {skew} s." },
    { en: "Not valid yet: nbf {nbf}, now {now}, skew {skew} s.", nb: "Ikke gyldig ennå: nbf {nbf}, nå {now}, tillatt klokkeavvik {skew} s." },
  ],
  exp: [
    { en: "Valid until {exp} (lifetime {lifetime} s).", nb: "Gyldig til {exp} (levetid {lifetime} s)." },
    { en: "Expired at {exp}; now {now}, skew {skew} s.", nb: "Utløpt {exp}; nå {now}, tillatt klokkeavvik {skew} s." },
    {
      en: "exp must follow nbf and iat by at most {max} s; here exp - iat = {lifetime} s.",
      nb: "exp må komme etter nbf og iat, og høyst {max} s etter iat; her er exp - iat = {lifetime} s.",
    },
  ],
  i: [
    { en: "No dialog id requested.", nb: "Ingen dialog-ID ble etterspurt." },
    { en: "The token names this dialog.", nb: "Tokenet gjelder denne dialogen." },
    { en: "The token was issued for another dialog.", nb: "Tokenet er utstedt for en annen dialog." },
  ],
  a: [
    { en: "No action requested.", nb: "Ingen handling ble etterspurt." },
    { en: "{action} is granted.", nb: "{action} er tillatt." },
    {
      en: "{action} is not in the a claim (an action with an attribute must match it exactly, see Dialogporten #4043).",
      nb: "{action} står ikke i a-claimet (en handling med attributt må stå nøyaktig slik der, se Dialogporten #4043).",
    },
  ],
  l: [
    { en: "No minimum level requested.", nb: "Ikke noe minstenivå ble etterspurt." },
    { en: "Level {l} meets {min}.", nb: "Nivå {l} når {min}." },
    { en: "Level {l} is below the required {min}.", nb: "Nivå {l} er under kravet, {min}." },
  ],
};

/** Values that are words, not data: the part of the token a decoding error names, what a JSON value is instead. */
const VALUE_WORDS = {
  part: { header: "headeren", payload: "payloaden" },
  kind: { "an array": "en liste", null: "null", "a string": "en streng", "a number": "et tall", "a boolean": "en sannhetsverdi" },
};

/** The sentence to show for a check, and its language: the reader's, or English where no translation fits. */
export function checkSentence(check: Pick<Check, "code" | "detail" | "ok" | "skipped">, locale: Locale): Translated {
  return translate(check.skipped && !check.ok ? SENTENCES.skipped : SENTENCES[check.code], check.detail, locale, VALUE_WORDS);
}
