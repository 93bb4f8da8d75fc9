import { ATTACKS } from "./attacks";
import { FAULTS } from "./faults";
import type { CatalogueEntry } from "./types";

/**
 * The negative-scenario catalogue: attacks and faults anyone can run through the real flow, each
 * caught by exactly one named check. Kept as data (`attacks.ts`, `delivery-attacks.ts`, `faults.ts`);
 * `run.ts` runs an entry, the tests run them all.
 */
export type { CatalogueEntry, DialogKey, MutationName, Recipe, RecipeAction, Transport } from "./types";
export { ACCEPTED, ACCEPTED_WITH_CACHED_KEYS } from "./types";

export const CATALOGUE: readonly CatalogueEntry[] = [...ATTACKS, ...FAULTS];

export function findEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}
