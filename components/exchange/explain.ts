import type { AuthorizationCode } from "@/lib/authorization/codes";
import type { DialogportenCode } from "@/lib/dialogporten/codes";
import type { IdPortenCode } from "@/lib/id-porten/codes";
import type { ServiceProviderCode } from "@/lib/service-provider/codes";
import type { SharedCode } from "@/lib/shared/problem";
import type { Exchange } from "@/lib/shared/trace";
import type { Locale } from "../i18n/locale";
import { fill, type Text } from "../i18n/text";
import { DIALOGPORTEN_SENTENCES } from "./sentences-dialogporten";
import { PLATFORM_SENTENCES } from "./sentences-platform";
import { SERVICE_PROVIDER_SENTENCES } from "./sentences-service-provider";
import { errorCode, header, parseJson } from "./trace-notes";

/** Every stable code a service can answer with; each service's list is the source. */
export type ServiceCode = DialogportenCode | ServiceProviderCode | AuthorizationCode | IdPortenCode | SharedCode;

/**
 * One sentence per stable error code, in both languages; a code a service adds without a sentence here
 * fails the typecheck. The sentences live in three files by service so none grows past 300 lines.
 */
export const CODE_SENTENCES: Record<ServiceCode, Text> = {
  ...DIALOGPORTEN_SENTENCES,
  ...SERVICE_PROVIDER_SENTENCES,
  ...PLATFORM_SENTENCES,
};

const WWW_ERRORS: Record<string, Text> = {
  invalid_token: {
    en: 'WWW-Authenticate says error="invalid_token" (RFC 6750): the token itself was refused.',
    nb: 'WWW-Authenticate sier error="invalid_token" (RFC 6750): selve tokenet ble avvist.',
  },
  insufficient_scope: {
    en: 'WWW-Authenticate says error="insufficient_scope" (RFC 6750): the token is valid but does not cover this request.',
    nb: 'WWW-Authenticate sier error="insufficient_scope" (RFC 6750): tokenet er gyldig, men dekker ikke denne forespørselen.',
  },
  invalid_request: { en: 'WWW-Authenticate says error="invalid_request" (RFC 6750).', nb: 'WWW-Authenticate sier error="invalid_request" (RFC 6750).' },
};

const TEXT = {
  noResponse: {
    en: "No response: {error}. The browser's network error hides the details (a CORS refusal looks the same).",
    nb: "Ikke noe svar: {error}. Nettleserens nettverksfeil skjuler detaljene (en CORS-avvisning ser lik ut).",
  },
  failed: { en: "the request failed", nb: "forespørselen feilet" },
  refused: { en: "The service refused the request.", nb: "Tjenesten avviste forespørselen." },
  otherWww: { en: 'WWW-Authenticate says error="{error}".', nb: 'WWW-Authenticate sier error="{error}".' },
  bareWww: { en: "WWW-Authenticate names only the Bearer scheme: send a token.", nb: "WWW-Authenticate oppgir bare Bearer-skjemaet: send et token." },
  problem: { en: "The body is RFC 9457 problem details.", nb: "Bodyen er problemdetaljer etter RFC 9457." },
} satisfies Record<string, Text>;

const sentenceFor = (code: string): Text | undefined => (Object.hasOwn(CODE_SENTENCES, code) ? CODE_SENTENCES[code as ServiceCode] : undefined);

const DETAIL_TOO = new Set(["dialog_not_in_task", "dialogporten_update_failed"]);

/**
 * A one-paragraph explanation of an error response (or of no response at all); null for a success. The
 * service's own `detail` is quoted as it came (the real services answer in English).
 */
export function explainExchange(e: Exchange, locale: Locale = "en"): string | null {
  const say = (text: Text, values: Record<string, string> = {}) => fill(text, locale, values);
  if (!e.response) return say(TEXT.noResponse, { error: e.error ?? say(TEXT.failed) });
  const { status, statusText } = e.response;
  if (status < 400) return null;
  const code = errorCode(e);
  const body = parseJson(e.response.body) as { detail?: unknown; error_description?: unknown } | undefined;
  const fallback = typeof body?.detail === "string" ? body.detail : typeof body?.error_description === "string" ? body.error_description : "";
  // Where the provider's detail names specifics (which task), it follows the general sentence.
  const specific = code && DETAIL_TOO.has(code) && fallback ? ` ${fallback}` : "";
  const known = code ? sentenceFor(code) : undefined;
  const sentence = (known ? say(known) : fallback || say(TEXT.refused)) + specific;
  const www = header(e, "www-authenticate");
  const wwwError = www ? /error="([^"]+)"/.exec(www)?.[1] : undefined;
  const wwwText = wwwError ? (WWW_ERRORS[wwwError] ?? TEXT.otherWww) : www ? TEXT.bareWww : undefined;
  const wwwSentence = wwwText ? say(wwwText, { error: wwwError ?? "" }) : "";
  const kind = (header(e, "content-type") ?? "").includes("problem+json") ? say(TEXT.problem) : "";
  return [`${status} ${statusText || ""}${code ? ` (${code})` : ""}:`.replace("  ", " "), sentence, wwwSentence, kind].filter(Boolean).join(" ");
}
