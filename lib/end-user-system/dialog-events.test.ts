import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { callServiceProvider, getDialog, signIn } from "./calls";
import { followDialog } from "./dialog-events";

const sb = sandboxSuite();

async function dialogAs(persona: string, dialogId: string) {
  const token = (await signIn(sb.context(), findPersona(persona)!)).value!;
  return (await getDialog(sb.context(), token, dialogId)).value!;
}

describe("followDialog: the end-user system's GraphQL subscription (graphql-sse client)", () => {
  it("a write action answered 202 arrives as DIALOG_UPDATED on the dialog token's subscription", async () => {
    const dialog = await dialogAs("kari", DIALOG_ID.taxReturn);
    const follower = followDialog(sb.context(), dialog.dialogToken!, dialog.id);
    expect(await follower.opened).toEqual({ ok: true });
    const submit = dialog.guiActions.find((a) => a.title[0]?.value === "Bekreft og send inn")!;
    const write = await callServiceProvider(sb.context(), dialog.dialogToken!, {
      method: submit.httpMethod,
      url: submit.url,
      label: "submit",
      masked: false,
      accept: "application/json",
    });
    expect(write.exchange.response?.status).toBe(202);
    expect(await follower.first).toEqual({ kind: "event", event: { id: dialog.id, type: "DIALOG_UPDATED" } });
    follower.close();
    // The exchange shows the request as sent, the open stream and the event as it came, with Dialogporten's trace.
    expect(follower.exchange.request.headers).toContainEqual(["authorization", `Bearer ${dialog.dialogToken}`]);
    expect(follower.exchange.response?.status).toBe(200);
    expect(follower.exchange.response?.body).toContain('"type":"DIALOG_UPDATED"');
    expect(follower.exchange.nested?.notes).toMatchObject({ policy: { allowed: true, dialogId: dialog.id } });
  });

  it("another dialog's token opens the stream but gets the authorization error, and no event", async () => {
    const other = await dialogAs("kari", DIALOG_ID.taxReturn);
    const follower = followDialog(sb.context(), other.dialogToken!, DIALOG_ID.vatReturn);
    expect(await follower.opened).toEqual({ ok: true });
    expect(await follower.first).toEqual({ kind: "refused", detail: "The current user is not authorized to access this resource." });
    follower.close();
  });

  it("a token that is not a genuine dialog token never opens the stream: 401, and the reason", async () => {
    const access = (await signIn(sb.context(), findPersona("kari")!)).value!;
    const follower = followDialog(sb.context(), access, DIALOG_ID.taxReturn);
    expect(await follower.opened).toMatchObject({ ok: false });
    expect(await follower.first).toMatchObject({ kind: "ended" });
    expect(follower.exchange.response?.status).toBe(401);
    expect(follower.exchange.response?.body).toContain('"code":"issuer_mismatch"');
  });
});
