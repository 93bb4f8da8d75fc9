import type { Locale } from "../i18n/locale";
import { translate, type Translated } from "../i18n/patterns";

/**
 * What each exchange is called. The services name their calls in English in the trace (lib/ has no UI language);
 * the reader sees them in theirs through these patterns. Titles and names inside quotes are the dialog's own
 * words and stay as they are. A label no pattern matches stays English and is marked so (patterns.ts).
 */
const LABELS = [
  { en: "Sign in as {who}", nb: "Logg inn som {who}" },
  { en: "Get the dialog (and its dialog token)", nb: "Hent dialogen (og dialogtokenet)" },
  { en: "List the party's dialogs (search)", nb: "List partens dialoger (søk)" },
  { en: "Load the front-channel embed (retry {n})", nb: "Last inn front-channel-innbyggingen (forsøk {n})" },
  { en: "Load the front-channel embed", nb: "Last inn front-channel-innbyggingen" },
  { en: "Load another dialog's front-channel embed", nb: "Last inn en annen dialogs front-channel-innbygging" },
  { en: 'Load transmission "{title}"', nb: "Last inn forsendelsen «{title}»" },
  { en: 'Write action "{title}" of another dialog', nb: "Skrivehandlingen «{title}» i en annen dialog" },
  { en: 'Write action "{title}"', nb: "Skrivehandlingen «{title}»" },
  { en: 'API action "{title}"', nb: "API-handlingen «{title}»" },
  { en: "{action} (legacy: no dialog token)", nb: "{action} (eldre løsning: uten dialogtoken)" },
  { en: "Call the service provider (legacy)", nb: "Kall tjenestetilbyderen (eldre løsning)" },
  { en: "Subscribe to the dialog's events (GraphQL over SSE)", nb: "Abonner på dialogens hendelser (GraphQL over SSE)" },
  { en: "Authorize request (legacy: on every request)", nb: "Autoriser forespørselen (eldre løsning: ved hver forespørsel)" },
  { en: "Authorize request", nb: "Autoriser forespørselen" },
  { en: "Fetch the identity provider's JWKS (legacy mode)", nb: "Hent identitetsleverandørens JWKS (eldre løsning)" },
  { en: "Fetch the identity provider's JWKS", nb: "Hent identitetsleverandørens JWKS" },
  { en: "Fetch JWKS", nb: "Hent JWKS" },
  { en: "Update the dialog (service-owner API, JSON Patch)", nb: "Oppdater dialogen (tjenesteeier-API, JSON Patch)" },
  { en: "Set the end user's system labels (service-owner API)", nb: "Sett sluttbrukerens systemetiketter (tjenesteeier-API)" },
  { en: "The attacker fetches Dialogporten's public JWKS", nb: "Angriperen henter Dialogportens offentlige JWKS" },
] as const;

/** An exchange's label in the reader's language. */
export function exchangeLabel(label: string, locale: Locale): Translated {
  // The legacy path wraps the action's own label: that inner label is translated too.
  return translate(LABELS, label, locale, { action: (inner) => exchangeLabel(inner, locale).text });
}
