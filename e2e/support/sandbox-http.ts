import { expect, type APIRequestContext } from "@playwright/test";
import type { Dialog } from "../../lib/altinn/dialog";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT } from "../../lib/altinn/grants";
import { WORKSPACE_HEADER } from "../../lib/shared/workspace";
import { WORKSPACES_PATH } from "../../lib/sandbox-api/workspaces";

/**
 * A participant's calls over plain HTTP, as curl would make them, each to a base URL of the caller's choice,
 * so a test can send one call to one instance and the next to another.
 */

/** A fresh workspace id, unique per call (a UUID is 36 characters of the allowed alphabet). */
export const newWorkspace = (label: string): string => `${label}-${crypto.randomUUID()}`.slice(0, 64);

/** `url` (as a dialog names it) with its origin replaced by `base`: the same path on another instance. */
export const on = (base: string, url: string): string => {
  const u = new URL(url);
  return `${base}${u.pathname}${u.search}`;
};

/** The persona's access token from the mock ID-porten (step 0a). */
export async function signIn(request: APIRequestContext, base: string, persona: string): Promise<string> {
  const r = await request.post(`${base}/id-porten/token`, { form: { grant_type: PERSONA_GRANT, persona } });
  expect(r.status(), `sign in as ${persona} at ${base}`).toBe(200);
  return ((await r.json()) as { access_token: string }).access_token;
}

/** A service owner's Maskinporten token for Dialogporten's service-owner API. */
export async function serviceOwnerToken(request: APIRequestContext, base: string, org: string): Promise<string> {
  const r = await request.post(`${base}/maskinporten/token`, { form: { grant_type: SERVICE_OWNER_GRANT, org } });
  expect(r.status(), `service-owner token for ${org} at ${base}`).toBe(200);
  return ((await r.json()) as { access_token: string }).access_token;
}

/** The dialog as the workspace has it, with a fresh dialog token (steps 0b–3). */
export async function getDialog(
  request: APIRequestContext,
  base: string,
  accessToken: string,
  dialogId: string,
  workspace: string,
): Promise<Dialog & { dialogToken: string }> {
  const r = await request.get(`${base}/dialogporten/api/v1/enduser/dialogs/${dialogId}`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json", [WORKSPACE_HEADER]: workspace },
  });
  expect(r.status(), `dialog ${dialogId} in ${workspace} at ${base}`).toBe(200);
  return (await r.json()) as Dialog & { dialogToken: string };
}

/** The URL of the dialog's GUI action `action` (e.g. "write", "sign"), as Dialogporten wrote it. */
export function guiActionUrl(dialog: Dialog, action: string): string {
  const found = dialog.guiActions.find((a) => a.action === action);
  expect(found, `gui action ${action}`).toBeDefined();
  return found!.url;
}

/** The dialog's main front-channel embed URL. */
export function embedUrl(dialog: Dialog): string {
  return dialog.content.mainContentReference!.value[0]!.value;
}

/** Step 4: a call to the service provider with the dialog token; the status it answered. */
export async function callProvider(request: APIRequestContext, method: string, url: string, dialogToken: string): Promise<number> {
  const r = await request.fetch(url, { method, headers: { authorization: `Bearer ${dialogToken}` } });
  return r.status();
}

/** The sandbox's workspace API: what a workspace changed, and Reset. */
export async function describeWorkspace(
  request: APIRequestContext,
  base: string,
  workspace: string,
): Promise<{ id: string; changed: string[]; clock: { at: string } | null }> {
  const r = await request.get(`${base}${WORKSPACES_PATH}/${workspace}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as { id: string; changed: string[]; clock: { at: string } | null };
}

export async function resetWorkspace(request: APIRequestContext, base: string, workspace: string): Promise<void> {
  expect((await request.delete(`${base}${WORKSPACES_PATH}/${workspace}`)).status()).toBe(204);
}
