import type { Dialog, GuiAction, Transmission } from "../altinn/dialog";
import type { ActionRef } from "../altinn/dialog-token";
import type { ServiceResource } from "../altinn/resource-registry";
import { methodNotAllowed, notFound } from "../shared/problem";

/**
 * What a provider URL names, looked up in the provider's own records: the dialog, the element, the
 * action the request needs and the level it requires. The same lookups serve the dialog-token routes
 * and legacy mode, so both answer "not found" alike, and only to a caller who got through the gate.
 */

/** A target that exists; `X` is what the route serves from it (a transmission, a GUI action). */
export type Found<X = object> = { found: true; dialog: Dialog; required: ActionRef; minimumLevel?: number } & X;

/** No such target. `required` is still set where the URL alone names the action, so the token is checked for it. */
export interface Missing {
  found: false;
  required?: ActionRef;
  minimumLevel?: number;
  /** The answer, given only after the caller authenticated. */
  answer: (instance: string) => Response;
}

export type Target<X = object> = Found<X> | Missing;

const READ: ActionRef = { name: "read" };

/** The action a transmission embed needs, as Dialogporten derives it (docs/real-systems.md §1.4). */
export function requiredForTransmission(t: Transmission): ActionRef {
  const attribute = t.authorizationAttribute;
  if (!attribute) return READ;
  return { name: attribute.startsWith("urn:altinn:resource:") ? "read" : "transmissionread", attribute };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const notThere = (detail: string) => (instance: string) => notFound(instance, detail);

export function createTargets(dialogs: Dialog[], resources: ServiceResource[]) {
  const findDialog = (id: string) => dialogs.find((d) => sameId(d.id, id));
  const minimumLevel = (d: Dialog) => resources.find((r) => r.id === d.serviceResource)?.minimumAuthenticationLevel;
  const found = <X extends object>(dialog: Dialog, required: ActionRef, extra: X): Found<X> => ({
    found: true,
    dialog,
    required,
    minimumLevel: minimumLevel(dialog),
    ...extra,
  });
  // The token is still checked against what the URL does name: its dialog's level, and the action when known.
  const missing = (dialog: Dialog | undefined, answer: Missing["answer"], required?: ActionRef): Missing => ({
    found: false,
    required,
    minimumLevel: dialog && minimumLevel(dialog),
    answer,
  });

  return {
    findDialog,

    /** The dialog's main content (front-channel embed) or its API action: both need `read`. */
    dialog(dialogId: string): Target {
      const dialog = findDialog(dialogId);
      return dialog ? found(dialog, READ, {}) : missing(undefined, notThere("No such dialog."), READ);
    },

    transmission(dialogId: string, transmissionId: string): Target<{ transmission: Transmission }> {
      const dialog = findDialog(dialogId);
      const transmission = dialog?.transmissions.find((t) => sameId(t.id, transmissionId));
      if (!dialog || !transmission) return missing(dialog, notThere("No such transmission."));
      return found(dialog, requiredForTransmission(transmission), { transmission });
    },

    /** A write action is named by its action and chosen by the HTTP method; another method on it is a 405. */
    writeAction(dialogId: string, action: string, method: string): Target<{ guiAction: GuiAction }> {
      const dialog = findDialog(dialogId);
      const candidates = dialog?.guiActions.filter((g) => g.action === action) ?? [];
      const guiAction = candidates.find((g) => g.httpMethod === method.toUpperCase());
      if (dialog && guiAction) return found(dialog, { name: guiAction.action, attribute: guiAction.authorizationAttribute }, { guiAction });
      if (candidates.length === 0) return missing(dialog, notThere("No such write action on this dialog."));
      const allowed = [...new Set(candidates.map((g) => g.httpMethod))];
      return missing(dialog, (instance) => methodNotAllowed(allowed, instance));
    },
  };
}

export type Targets = ReturnType<typeof createTargets>;
