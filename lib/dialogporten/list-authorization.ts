import type { AltinnAction } from "../altinn/actions";
import { MAIN } from "../altinn/actions";

/**
 * Whether the end user may see a dialog at all. With a Permit on the main resource, yes. Without one, the
 * real Dialogporten falls back to list authorization (`HasListAuthorizationForDialog`, docs/real-systems.md
 * §3.3): the user may see the dialog when Access Management's authorized-parties list holds the dialog's
 * party and resource, which it does for any right on the resource for that party — a subresource or a
 * task included. The sandbox reads that from the same decision: any permitted pair grants list access.
 * The dialog is then answered with every element the user has no right to marked unauthorized, and the
 * dialog token carries only the pairs that were permitted.
 */
export type Visibility = { visible: true; via: "main" | "list" } | { visible: false };

export function visibility(permitted: AltinnAction[]): Visibility {
  if (permitted.some((p) => p.attribute === MAIN)) return { visible: true, via: "main" };
  return permitted.length > 0 ? { visible: true, via: "list" } : { visible: false };
}
