import { PARTY_NAMES } from "@/lib/seed/parties";
import { serviceResources } from "@/lib/seed/resources";
import { formatAction, parseActions } from "@/lib/altinn/dialog-token";
import { URN } from "@/lib/altinn/identifiers";

/** What each dialog-token claim means in Altinn terms (docs/real-systems.md §1). Order = the generator's claim order. */
export const CLAIM_GLOSSARY: { claim: string; name: string; meaning: string }[] = [
  {
    claim: "jti",
    name: "Token id",
    meaning: "A random UUID, new for every token. Dialogporten mints a fresh token on every GET of the dialog; a provider can use jti to spot replays.",
  },
  {
    claim: "c",
    name: "Consumer: who signed in",
    meaning:
      "A person (urn:altinn:person:identifier-no:<national identity number>), an ID-porten e-mail user (urn:altinn:person:idporten-email:<e-mail>), or for a system user the organisation whose system calls (urn:altinn:organization:identifier-no:<org. no.>).",
  },
  { claim: "y", name: "System user", meaning: "Only for system users (Maskinporten): urn:altinn:systemuser:uuid:<id>, the system user that acts." },
  { claim: "o", name: "System user's owner", meaning: "Only for system users: the organisation that owns the system user and on whose behalf it acts." },
  { claim: "u", name: "Supplier", meaning: "Only when the Maskinporten token carries a supplier: the vendor organisation acting for the consumer." },
  {
    claim: "l",
    name: "Authentication level",
    meaning:
      "An integer: 0 = self-registered or low, 3 = substantial (e.g. MinID), 4 = high (e.g. BankID); system users count as 3. A provider compares it with the resource's minimum.",
  },
  {
    claim: "p",
    name: "Party: on whose behalf",
    meaning: "The dialog's party, a person or organisation URN. May differ from c, e.g. a general manager acting for a company.",
  },
  {
    claim: "s",
    name: "Service resource",
    meaning: "The resource in the Altinn resource registry the dialog belongs to; its policy produced the decisions behind a.",
  },
  {
    claim: "i",
    name: "Dialog id",
    meaning: "The dialog this token was issued for (a lowercase UUIDv7). A provider must check it equals the dialog in its own URL.",
  },
  {
    claim: "a",
    name: "Authorized actions",
    meaning:
      "Every (action, authorization attribute) pair of the dialog that Altinn Authorization permitted, separated by ';'. An entry with an attribute is action,attribute and grants only that pair (Dialogporten #4043). Empty when nothing was permitted.",
  },
  {
    claim: "iss",
    name: "Issuer",
    meaning:
      "Dialogporten's base URI + /api/v1, e.g. https://platform.altinn.no/dialogporten/api/v1 in production or …tt02.altinn.no… in staging. Compare it exactly.",
  },
  { claim: "iat", name: "Issued at", meaning: "When Dialogporten signed the token, in seconds since 1970-01-01 UTC." },
  { claim: "nbf", name: "Not before", meaning: "Equal to iat. Refuse earlier use, allowing a few seconds of clock skew." },
  {
    claim: "exp",
    name: "Expires",
    meaning: "iat + 600: a dialog token lives 10 minutes, short so revoked rights stop working soon. Fetch the dialog again for a fresh one.",
  },
];

export const HEADER_GLOSSARY: Record<string, string> = {
  alg: "EdDSA: an Ed25519 signature (RFC 8037). RFC 9864 names it Ed25519; Dialogporten still writes EdDSA.",
  typ: "JWT. Dialogporten keeps the plain type for compatibility with strict JWT libraries.",
  kid: "Which key in Dialogporten's JWKS signed it. The JWKS always holds two keys; the primary signs.",
};

export const LEVELS: Record<number, string> = { 0: "self-registered / low", 1: "low", 2: "basic", 3: "substantial", 4: "high" };

/** Reads an Altinn URN aloud: what kind of identifier it is, and whose, when the seed knows. */
export function describeUrn(value: string): string | null {
  const name = PARTY_NAMES[value];
  const tail = (prefix: string) => value.slice(prefix.length + 1);
  const who = name ? ` (${name})` : "";
  if (value.startsWith(`${URN.person}:`)) return `Person, national identity number ${tail(URN.person)}${who}`;
  if (value.startsWith(`${URN.organization}:`)) return `Organisation, org. no. ${tail(URN.organization)}${who}`;
  if (value.startsWith(`${URN.systemUser}:`)) return `System user ${tail(URN.systemUser)}`;
  if (value.startsWith(`${URN.idportenEmail}:`)) return `ID-porten e-mail user ${tail(URN.idportenEmail)}${who}`;
  if (value.startsWith("urn:altinn:resource:")) {
    const r = serviceResources.find((x) => x.id === value);
    return r
      ? `Resource ${r.title}, owned by ${r.org}, minimum level ${r.minimumAuthenticationLevel}`
      : `Resource ${value.slice("urn:altinn:resource:".length)}`;
  }
  return null;
}

/** The `a` claim split into its entries: action plus (optional) authorization attribute. */
export function splitActions(a: string): { entry: string; action: string; attribute?: string; reading: string }[] {
  return parseActions(a).map((ref) => {
    const attr = ref.attribute;
    const reading = !attr
      ? `${ref.name} on the dialog's main resource`
      : attr.startsWith("urn:altinn:task:")
        ? `${ref.name} only while the process is in task ${attr.slice("urn:altinn:task:".length)}`
        : attr.startsWith("urn:altinn:subresource:")
          ? `${ref.name} on subresource ${attr.slice("urn:altinn:subresource:".length)}`
          : `${ref.name} on ${attr}`;
    return { entry: formatAction(ref), action: ref.name, attribute: attr, reading };
  });
}
