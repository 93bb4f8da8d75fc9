/** The sandbox-only grant: "sign me in as this persona". Kept apart so browser code can import it without the signing code. */
export const PERSONA_GRANT = "urn:sandbox:params:oauth:grant-type:persona";
