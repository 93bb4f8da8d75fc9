import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { Text } from "../i18n/text";

/**
 * Where to read more about the check an entry's lesson explains: the RFC section, or Dialogporten's own
 * documentation for the dialog token's claims (docs/real-systems.md §1 and §5).
 */
interface EntryLink {
  href: string;
  label: Text;
}

const rfc = (n: number, section: string, what: string): EntryLink => ({
  href: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
  label: { en: `RFC ${n} §${section} (${what})`, nb: `RFC ${n} §${section} (${what})` },
});

const DIALOG_TOKENS: EntryLink = {
  href: "https://docs.altinn.studio/dialogporten/reference/authorization/dialog-tokens/",
  label: { en: "Dialogporten: dialog tokens", nb: "Dialogporten: dialogtokener" },
};
const RETRY_AFTER = rfc(9110, "10.2.3", "Retry-After");

/** By the step-5 check that catches the entry. */
const BY_CHECK: Record<string, EntryLink[]> = {
  signature: [rfc(7515, "5.2", "JWS validation"), DIALOG_TOKENS],
  alg: [rfc(8725, "3.1", "algorithm verification"), rfc(8037, "3.1", "EdDSA")],
  header: [rfc(8725, "3.10", "jku, jwk, x5u"), rfc(7515, "4.1.2", "jku")],
  kid: [rfc(7515, "4.1.4", "kid"), DIALOG_TOKENS],
  format: [rfc(7515, "7.1", "compact serialization"), rfc(7515, "2", "base64url")],
  exp: [rfc(7519, "4.1.4", "exp")],
  nbf: [rfc(7519, "4.1.5", "nbf")],
  iss: [rfc(7519, "4.1.1", "iss"), DIALOG_TOKENS],
  typ: [rfc(8725, "3.11", "explicit typing"), DIALOG_TOKENS],
  i: [DIALOG_TOKENS],
  a: [DIALOG_TOKENS],
  l: [DIALOG_TOKENS],
};

/** By the code that catches it, when no step-5 check does. */
const BY_CODE: Record<string, EntryLink[]> = {
  token_in_query: [rfc(6750, "2.3", "URI query parameter"), rfc(6750, "5.3", "threats")],
  token_in_cookie: [rfc(6750, "2.1", "Authorization header"), rfc(6750, "5.3", "threats")],
  authorization_header_repeated: [rfc(6750, "2", "one method per request"), rfc(9110, "5.3", "field order")],
  authorization_header_malformed: [rfc(6750, "2.1", "b64token")],
  request_header_too_large: [rfc(6585, "5", "431")],
  authentication_level_too_low: [DIALOG_TOKENS],
  pdp_unreachable: [rfc(9110, "15.6.3", "502")],
  pdp_garbage: [rfc(9110, "15.6.3", "502")],
  no_access: [DIALOG_TOKENS],
  jwks_unavailable: [rfc(9110, "15.6.4", "503"), RETRY_AFTER, rfc(8414, "2", "jwks_uri")],
  accepted_with_cached_keys: [rfc(8414, "2", "jwks_uri"), DIALOG_TOKENS],
};

export function entryLinks(entry: CatalogueEntry): EntryLink[] {
  return (entry.expectedCheck && BY_CHECK[entry.expectedCheck]) || BY_CODE[entry.expectedCode] || [DIALOG_TOKENS];
}
