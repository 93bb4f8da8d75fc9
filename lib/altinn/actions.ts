import type { Dialog } from "./dialog";

export const MAIN = "main";

/** One (action, authorization attribute) pair that Dialogporten asks the PDP about. */
export interface AltinnAction {
  name: string;
  /** The stored attribute verbatim, or "main". */
  attribute: string;
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareActions(a: AltinnAction, b: AltinnAction): number {
  return ordinal(a.name, b.name) || ordinal(a.attribute, b.attribute);
}

/**
 * `GetAltinnActions` (DialogEntityExtensions.cs): every API and GUI action, every transmission with
 * an attribute (as `read` for another resource, else `transmissionread`), always (read, main);
 * de-duplicated and sorted by name, then attribute.
 */
export function getAltinnActions(dialog: Dialog): AltinnAction[] {
  const pairs: AltinnAction[] = [];
  for (const a of dialog.apiActions) pairs.push({ name: a.action, attribute: a.authorizationAttribute ?? MAIN });
  for (const a of dialog.guiActions) pairs.push({ name: a.action, attribute: a.authorizationAttribute ?? MAIN });
  for (const t of dialog.transmissions) {
    if (!t.authorizationAttribute) continue;
    const name = t.authorizationAttribute.startsWith("urn:altinn:resource:") ? "read" : "transmissionread";
    pairs.push({ name, attribute: t.authorizationAttribute });
  }
  pairs.push({ name: "read", attribute: MAIN });
  const seen = new Set<string>();
  return pairs
    .filter((p) => {
      const key = `${p.name}\u0000${p.attribute}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareActions);
}

/** The `a` claim: permitted pairs as `name` or `name,attribute`, joined by `;`, empty when none. */
export function encodeAuthorizedActions(permitted: AltinnAction[]): string {
  return [...permitted]
    .sort(compareActions)
    .map((p) => (p.attribute === MAIN ? p.name : `${p.name},${p.attribute}`))
    .join(";");
}
