import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import type { Dialog } from "../altinn/dialog";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT } from "../altinn/grants";
import { deriveDialogportenKeys } from "../keys/keys";
import type { SigningKey } from "../keys/keys";
import { decodeText, encodeBytes, encodeText, utf8 } from "../shared/base64url";
import { decodeTrace } from "../shared/trace";
import { MemoryEventChannel } from "../store/events";
import { DIALOG_ID } from "../seed/dialogs";
import { portalSubscription, sseReader } from "./graphql.test-helper";
import { issueDialogToken } from "./token";
import type { SubscriptionNotes } from "./trace-notes";

const channel = new MemoryEventChannel();
const sb = sandboxSuite({}, { events: channel });
const base = () => sb.sandbox.config.origin;
const issuer = () => `${base()}/dialogporten/api/v1`;

async function grant(path: "maskinporten" | "id-porten", form: Record<string, string>) {
  const res = await fetch(`${base()}/${path}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const wsHeaders = (workspace?: string): Record<string, string> => (workspace ? { "sandbox-workspace": workspace } : {});

async function dialogToken(persona: string, dialogId: string, workspace?: string) {
  const token = await grant("id-porten", { grant_type: PERSONA_GRANT, persona });
  const res = await fetch(`${base()}/dialogporten/api/v1/enduser/dialogs/${dialogId}`, {
    headers: { authorization: `Bearer ${token}`, ...wsHeaders(workspace) },
  });
  return (await res.json()) as Dialog;
}

let changes = 0;
/** The service owner changes the dialog through its own API: the write path every write action ends in. */
async function ownerChanges(dialog: Dialog, workspace?: string) {
  const token = await grant("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "skd" });
  const res = await fetch(`${base()}/dialogporten/api/v1/serviceowner/dialogs/${dialog.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json-patch+json", ...wsHeaders(workspace) },
    body: JSON.stringify([{ op: "replace", path: "/extendedStatus", value: `Sendt ${++changes}` }]),
  });
  expect(res.status).toBe(204);
}

/** Subscribes as the portal does; `close` aborts the request, which is how a client leaves a stream. */
function subscribe(
  dialogId: string,
  authorization: string | null,
  init: { accept?: string; workspace?: string; trace?: boolean; path?: string; close?: AbortSignal } = {},
) {
  return fetch(`${base()}${init.path ?? "/dialogporten/graphql"}`, {
    method: "POST",
    signal: init.close,
    headers: {
      "content-type": "application/json; charset=utf-8",
      accept: init.accept ?? "text/event-stream",
      ...(authorization !== null && { authorization }),
      ...wsHeaders(init.workspace),
      ...(init.trace && { "sandbox-trace": "on" }),
    },
    body: portalSubscription(dialogId),
  });
}

describe("dialogEvents over Server-Sent Events", () => {
  it("follows a dialog: the service owner's change arrives as DIALOG_UPDATED, and closing the stream stops listening", async () => {
    const dialog = await dialogToken("ola", DIALOG_ID.vatReturn);
    for (const path of ["/dialogporten/graphql", "/dialogporten/graphql/stream"]) {
      const leave = new AbortController();
      const res = await subscribe(dialog.id, `Bearer ${dialog.dialogToken}`, { path, close: leave.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = sseReader(res);
      await ownerChanges(dialog);
      const event = await events.next();
      expect(event?.event).toBe("next");
      expect(JSON.parse(event!.data)).toEqual({ data: { dialogEvents: { id: dialog.id, type: "DIALOG_UPDATED" } } });
      leave.abort();
    }
    // Both streams were left: nothing listens any more.
    await expect.poll(() => channel.size).toBe(0);
  });

  it("a token for another dialog gets the GraphQL authorization error, and the stream ends without events", async () => {
    const other = await dialogToken("kari", DIALOG_ID.taxReturn);
    const res = await subscribe(DIALOG_ID.vatReturn, `Bearer ${other.dialogToken}`, { trace: true });
    expect(res.status).toBe(200);
    const notes = (await decodeTrace(res.headers.get("sandbox-trace")!))!.notes as SubscriptionNotes;
    expect(notes.policy).toEqual({ dialogId: DIALOG_ID.vatReturn, claimI: DIALOG_ID.taxReturn, allowed: false });
    const events = sseReader(res);
    const refusal = JSON.parse((await events.next())!.data) as { errors: { message: string; path: string[]; extensions: { code: string } }[] };
    expect(refusal.errors[0]).toMatchObject({
      message: "The current user is not authorized to access this resource.",
      path: ["dialogEvents"],
      extensions: { code: "AUTH_NOT_AUTHORIZED" },
    });
    expect((await events.next())?.event).toBe("complete");
    expect(await events.next()).toBeNull();
  });

  it("keeps workspaces apart: a subscriber in one workspace hears its own workspace's change", async () => {
    const dialog = await dialogToken("ola", DIALOG_ID.vatReturn, "ws-a");
    const leave = new AbortController();
    const res = await subscribe(dialog.id, `Bearer ${dialog.dialogToken}`, { workspace: "ws-a", close: leave.signal });
    const events = sseReader(res);
    await ownerChanges(dialog, "ws-a");
    expect(JSON.parse((await events.next())!.data)).toMatchObject({ data: { dialogEvents: { type: "DIALOG_UPDATED" } } });
    leave.abort();
  });

  it("refuses GraphQL queries a dialog token does not open, and answers 406 to a caller that does not take an event stream", async () => {
    const dialog = await dialogToken("ola", DIALOG_ID.vatReturn);
    const query = await fetch(`${base()}/dialogporten/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${dialog.dialogToken}` },
      body: JSON.stringify({ query: "{ limits { endUserSearch { maxPartyFilterValues } } }" }),
    });
    const answer = JSON.parse((await sseReader(query).next())!.data) as { errors: { extensions: { code: string } }[] };
    expect(answer.errors[0]?.extensions.code).toBe("AUTH_NOT_AUTHORIZED");

    const json = await subscribe(dialog.id, `Bearer ${dialog.dialogToken}`, { accept: "application/json" });
    expect(json.status).toBe(406);
    expect(await json.json()).toMatchObject({ code: "not_acceptable" });
  });

  it("answers a malformed dialog id and a broken body with a 4xx or a GraphQL error, never a 5xx", async () => {
    const dialog = await dialogToken("ola", DIALOG_ID.vatReturn);
    const bad = await subscribe("not-a-uuid", `Bearer ${dialog.dialogToken}`);
    expect(bad.status).toBe(200);
    expect((await sseReader(bad).next())?.data).toMatch(/not a valid UUID/);
    const broken = await fetch(`${base()}/dialogporten/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${dialog.dialogToken}` },
      body: "{",
    });
    expect(broken.status).toBe(400);
  });
});

describe("the subscription's bearer scheme: only a genuine, current dialog token opens it", () => {
  /** A dialog token for the vat return signed with `key`, issued `ageSeconds` ago. */
  async function forged(key: SigningKey, ageSeconds = 0, iss = issuer()) {
    const dialog = await dialogToken("ola", DIALOG_ID.vatReturn);
    const claims = JSON.parse(decodeText(dialog.dialogToken!.split(".")[1]!)!) as Record<string, string>;
    const principal = { consumer: claims.c, level: claims.l } as never;
    const input = { principal, dialog: { id: dialog.id, party: claims.p!, serviceResource: claims.s! }, permitted: [], issuer: iss };
    return (await issueDialogToken(input, { key, now: Date.now() - ageSeconds * 1000 })).token;
  }

  async function refusal(authorization: string | null) {
    const res = await subscribe(DIALOG_ID.vatReturn, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    return ((await res.json()) as { code: string }).code;
  }

  it("401 without a token, for another issuer's token, and for an access token", async () => {
    expect(await refusal(null)).toBe("token_missing");
    expect(await refusal("Bearer not-a-jwt")).toBe("issuer_mismatch");
    expect(await refusal(`Bearer ${await grant("id-porten", { grant_type: PERSONA_GRANT, persona: "ola" })}`)).toBe("issuer_mismatch");
    const keys = await deriveDialogportenKeys(sb.sandbox.config.seed);
    expect(await refusal(`Bearer ${await forged(keys.primary, 0, "https://dialogporten.example/api/v1")}`)).toBe("issuer_mismatch");
  });

  it("accepts either published key, and refuses a token past its lifetime beyond the 2 s skew", async () => {
    const keys = await deriveDialogportenKeys(sb.sandbox.config.seed);
    const leave = new AbortController();
    const secondary = await subscribe(DIALOG_ID.vatReturn, `Bearer ${await forged(keys.secondary)}`, { close: leave.signal });
    expect(secondary.status).toBe(200);
    // Dialog tokens live 600 s: at 601 s old the skew still covers it, at 603 s it does not.
    const within = await subscribe(DIALOG_ID.vatReturn, `Bearer ${await forged(keys.primary, 601)}`, { close: leave.signal });
    expect(within.status).toBe(200);
    leave.abort();
    expect(await refusal(`Bearer ${await forged(keys.primary, 603)}`)).toBe("token_expired");
  });

  it("refuses alg none, HS256 and a key Dialogporten does not publish", async () => {
    const keys = await deriveDialogportenKeys(sb.sandbox.config.seed);
    const genuine = await forged(keys.primary);
    const payload = genuine.split(".")[1]!;
    const none = `${encodeText(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
    expect(await refusal(`Bearer ${none}`)).toBe("alg_not_allowed");

    const hsHeader = encodeText(JSON.stringify({ alg: "HS256", typ: "JWT", kid: keys.primary.kid }));
    const secret = await crypto.subtle.importKey("raw", utf8(keys.primary.publicJwk.x), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", secret, utf8(`${hsHeader}.${payload}`)));
    expect(await refusal(`Bearer ${hsHeader}.${payload}.${encodeBytes(mac)}`)).toBe("alg_not_allowed");

    const stranger = await deriveDialogportenKeys("another sandbox's seed");
    expect(await refusal(`Bearer ${await forged(stranger.primary)}`)).toBe("kid_unknown");
    expect(await refusal(`Bearer ${await forged({ ...stranger.primary, kid: keys.primary.kid })}`)).toBe("signature_invalid");
  });
});
