import type { Dialog } from "../altinn/dialog";
import { json } from "../shared/problem";
import { problem } from "./codes";
import { resolveUrls } from "./decorate";
import type { Params, ServiceOwnerKit } from "./service-owner";

/**
 * The service-owner API's reads: the dialog as its owner sees it (deleted ones too, with `deletedAt`),
 * one activity, one transmission. The owner's view has no `isAuthorized` and no dialog token.
 */

/** The stored dialog as the real service-owner `Dialog` DTO: the owner sees everything, nothing is masked. */
export function toServiceOwnerDialog(dialog: Dialog): Dialog {
  const { dialogToken: _, ...rest } = dialog;
  return {
    ...rest,
    transmissions: rest.transmissions.map(({ isAuthorized: _a, ...t }) => t),
    serviceOwnerContext: rest.serviceOwnerContext ?? { revision: rest.revision, serviceOwnerLabels: [] },
  };
}

export function serviceOwnerReads({ opts, guard }: ServiceOwnerKit) {
  const notFound = (instance: string, what: "DialogActivity" | "DialogTransmission", id: string) =>
    problem({
      status: 404,
      title: "Not Found",
      code: what === "DialogActivity" ? "activity_not_found" : "transmission_not_found",
      detail: `Entity '${what}' with key '${id}' not found.`,
      instance,
    });

  const get = (request: Request, { dialogId = "" }: Params) =>
    guard(request, dialogId, async (ctx, dialog) =>
      json(resolveUrls(toServiceOwnerDialog(dialog), opts.serviceProviderOrigin, ctx.workspace), {
        headers: { etag: dialog.revision, "cache-control": "no-store" },
      }),
    );

  const getActivity = (request: Request, { dialogId = "", activityId = "" }: Params) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const activity = dialog.activities.find((a) => a.id.toLowerCase() === activityId.toLowerCase());
      return activity ? json(activity, { headers: { "cache-control": "no-store" } }) : notFound(ctx.instance, "DialogActivity", activityId);
    });

  const getTransmission = (request: Request, { dialogId = "", transmissionId = "" }: Params) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const t = dialog.transmissions.find((x) => x.id.toLowerCase() === transmissionId.toLowerCase());
      if (!t) return notFound(ctx.instance, "DialogTransmission", transmissionId);
      const { isAuthorized: _a, isOpened: _o, ...details } = t;
      return json(resolveUrls(details, opts.serviceProviderOrigin, ctx.workspace), { headers: { "cache-control": "no-store" } });
    });

  return { get, getActivity, getTransmission };
}
