/**
 * Dialogporten's key rotation rules (docs/real-systems.md §2.4), alone in a module with no imports so the
 * browser can read them without pulling in key derivation: the ring enforces them (ring.ts), the UI explains them.
 */

/** A new key is published at least this long before it may sign. */
export const PUBLISH_LEAD_MS = 48 * 3600 * 1000;
/** The JWKS always holds at least this many keys. */
export const MIN_PUBLISHED = 2;
