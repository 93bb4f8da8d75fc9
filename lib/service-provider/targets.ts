import type { Dialog, GuiAction, Transmission } from "../altinn/dialog";
import type { ActionRef } from "../altinn/dialog-token";
import type { ServiceResource } from "../altinn/resource-registry";
import type { Exchange } from "../shared/trace";
import { methodNotAllowed, notFound } from "../shared/problem";
import type { ProviderRecord, Records } from "./records";

/**
 * What a provider URL names, looked up in the provider's own records (./records.ts): the dialog, the
 * element, the action the request needs and the level it requires. The same lookups serve the
 * dialog-token routes and legacy mode, so both answer "not found" alike, and only to a caller who got
 * through the gate.
 */

/** A target that exists; `X` is what the route serves from it (a transmission, a GUI action). */
export type Found<X = object> = { found: true; dialog: Dialog; task: string | null; required: ActionRef; minimumLevel?: number; lookups: Exchange[] } & X;

/** No such target. `required` is still set where the URL alone names the action, so the token is checked for it. */
export interface Missing {
  found: false;
  required?: ActionRef;
  minimumLevel?: number;
  /** The back-channel calls the provider made looking for the dialog. */
  lookups: Exchange[];
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

export function createTargets(records: Records, resources: ServiceResource[]) {
  const minimumLevel = (d: Dialog) => resources.find((r) => r.id === d.serviceResource)?.minimumAuthenticationLevel;
  const found = <X extends object>(record: ProviderRecord, lookups: Exchange[], required: ActionRef, extra: X): Found<X> => ({
    found: true,
    dialog: record.dialog,
    task: record.task,
    required,
    minimumLevel: minimumLevel(record.dialog),
    lookups,
    ...extra,
  });
  // The token is still checked against what the URL does name: its dialog's level, and the action when known.
  const missing = (dialog: Dialog | undefined, lookups: Exchange[], answer: Missing["answer"], required?: ActionRef): Missing => ({
    found: false,
    required,
    minimumLevel: dialog && minimumLevel(dialog),
    lookups,
    answer,
  });

  return {
    /** The dialog's main content (front-channel embed) or its API action: both need `read`. */
    async dialog(request: Request, dialogId: string): Promise<Target> {
      const { record, lookups } = await records.find(request, dialogId);
      return record ? found(record, lookups, READ, {}) : missing(undefined, lookups, notThere("No such dialog."), READ);
    },

    async transmission(request: Request, dialogId: string, transmissionId: string): Promise<Target<{ transmission: Transmission }>> {
      const { record, lookups } = await records.find(request, dialogId);
      const transmission = record?.dialog.transmissions.find((t) => sameId(t.id, transmissionId));
      if (!record || !transmission) return missing(record?.dialog, lookups, notThere("No such transmission."));
      return found(record, lookups, requiredForTransmission(transmission), { transmission });
    },

    /** A write action is named by its action and chosen by the HTTP method; another method on it is a 405. */
    async writeAction(request: Request, dialogId: string, action: string): Promise<Target<{ guiAction: GuiAction }>> {
      const { record, lookups } = await records.find(request, dialogId);
      const candidates = record?.dialog.guiActions.filter((g) => g.action === action) ?? [];
      const guiAction = candidates.find((g) => g.httpMethod === request.method.toUpperCase());
      if (record && guiAction) return found(record, lookups, { name: guiAction.action, attribute: guiAction.authorizationAttribute }, { guiAction });
      if (candidates.length === 0) return missing(record?.dialog, lookups, notThere("No such write action on this dialog."));
      const allowed = [...new Set(candidates.map((g) => g.httpMethod))];
      return missing(record?.dialog, lookups, (instance) => methodNotAllowed(allowed, instance));
    },
  };
}

export type Targets = ReturnType<typeof createTargets>;
