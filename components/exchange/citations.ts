import type { Exchange } from "@/lib/shared/trace";
import type { Locale } from "../i18n/locale";
import type { SourceLink } from "../ui/link-list";
import { errorCode, header } from "./trace-notes";

type Citation = SourceLink;

const RFC6750_BEARER = "https://www.rfc-editor.org/rfc/rfc6750#section-2";
const RFC6750_ERRORS = "https://www.rfc-editor.org/rfc/rfc6750#section-3";
const RFC9457 = "https://www.rfc-editor.org/rfc/rfc9457";
const RFC8725 = "https://www.rfc-editor.org/rfc/rfc8725";
const dialogTokenDocs = (locale: Locale) => `https://docs.altinn.studio/${locale === "nb" ? "nb" : "en"}/dialogporten/reference/authorization/dialog-tokens/`;

/** How a bearer token may travel (RFC 6750 §2): only the header is accepted. */
const CARRIAGE = new Set(["token_missing", "authorization_header_malformed", "authorization_header_repeated", "token_in_query", "token_in_cookie"]);
/** JWT best current practice (RFC 8725): fix the algorithm, ignore keys a token points to, check typ. */
const JWT_BCP = new Set(["alg_not_allowed", "header_not_allowed", "typ_invalid"]);
/** The step-5 checks Dialogporten's documentation asks a service provider to make. */
const DIALOG_TOKEN = new Set([
  "token_malformed",
  "alg_not_allowed",
  "kid_missing",
  "kid_unknown",
  "signature_invalid",
  "issuer_mismatch",
  "token_not_yet_valid",
  "token_expired",
  "token_lifetime_invalid",
  "dialog_mismatch",
  "action_not_in_token",
  "jwks_unavailable",
]);

/** The specifications an explanation of this exchange cites, to read further; empty for a success. */
export function citationsFor(e: Exchange, locale: Locale): Citation[] {
  if (!e.response || e.response.status < 400) return [];
  const code = errorCode(e) ?? "";
  const out: Citation[] = [];
  if (CARRIAGE.has(code)) out.push({ label: "RFC 6750 §2", href: RFC6750_BEARER });
  if (header(e, "www-authenticate")) out.push({ label: "RFC 6750 §3", href: RFC6750_ERRORS });
  if (JWT_BCP.has(code)) out.push({ label: "RFC 8725", href: RFC8725 });
  if (DIALOG_TOKEN.has(code)) out.push({ label: locale === "nb" ? "Dialogporten: dialogtoken" : "Dialogporten: dialog tokens", href: dialogTokenDocs(locale) });
  if ((header(e, "content-type") ?? "").includes("problem+json")) out.push({ label: "RFC 9457", href: RFC9457 });
  return out;
}
