export { CATALOGUE, findEntry, ACCEPTED, ACCEPTED_WITH_CACHED_KEYS } from "./entries";
export type { CatalogueEntry, DialogKey, MutationName, Recipe, RecipeAction, Transport } from "./entries";
export { runEntry, choiceFor } from "./run";
export type { CatalogueContext, CatalogueRun } from "./run";
