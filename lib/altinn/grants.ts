/** The sandbox-only grant: "sign me in as this persona". Kept apart so browser code can import it without the signing code. */
export const PERSONA_GRANT = "urn:sandbox:params:oauth:grant-type:persona";

/**
 * Sandbox-only grant for a service owner's own Maskinporten token (`org=skd`), standing in for the
 * real JWT-bearer grant with the owner's business certificate. Only `/maskinporten/token` accepts it.
 */
export const SERVICE_OWNER_GRANT = "urn:sandbox:params:oauth:grant-type:service-owner";
/** The scope Dialogporten's service-owner API requires. */
export const SERVICE_OWNER_SCOPE = "digdir:dialogporten.serviceprovider";
/** The extra scope that lets a service owner write legacy HTML content (`AuthorizationScope.LegacyHtmlScope`). */
export const LEGACY_HTML_SCOPE = "digdir:dialogporten.serviceprovider.legacyhtml";
