import type { FetchReason } from "@/lib/service-provider/jwks-cache";
import type { Text } from "../i18n/text";

/**
 * Why the service provider went to Dialogporten for keys in step 5 (its `keyFetch` note). The reason is the
 * lesson: a cold cache and stale keys are routine, an unknown kid is a rotation the provider had not seen.
 */

/** The diagram's short label for the provider's key calls. */
export const KEY_FETCH_LABEL: Record<FetchReason, Text> = {
  cold: { en: "metadata + JWKS", nb: "metadata + JWKS" },
  stale: { en: "stale keys: metadata + JWKS", nb: "utdaterte nøkler: metadata + JWKS" },
  unknown_kid: { en: "unknown kid: JWKS again", nb: "ukjent kid: JWKS på nytt" },
};

/** The same as a clause, for the checklist and the narration. */
export const KEY_FETCH_WHY: Record<FetchReason, Text> = {
  cold: { en: "nothing was cached yet", nb: "ingenting var bufret ennå" },
  stale: { en: "the cached keys had outlived the cache's lifetime", nb: "de bufrede nøklene hadde passert levetiden til bufferen" },
  unknown_kid: {
    en: "the token's kid was not among the cached keys, so the provider fetched the JWKS once more (a key rotation it had not seen)",
    nb: "tokenets kid var ikke blant de bufrede nøklene, så tjenestetilbyderen hentet JWKS én gang til (en nøkkelrotasjon den ikke hadde sett)",
  },
};
