import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import type { Dialog } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import { SERVICE_OWNER_GRANT } from "../altinn/grants";
import type { EndUserSystemContext } from "../end-user-system/calls";
import { getDialog, signIn } from "../end-user-system/calls";
import { runFlow } from "../end-user-system/flow";
import { PARTY } from "../seed/parties";
import { findPersona } from "../seed/personas";
import { RESOURCE } from "../seed/resources";
import type { Exchange } from "../shared/trace";
import { decodeTrace, TRACE_HEADER } from "../shared/trace";
import { WORKSPACE_HEADER } from "../shared/workspace";

// A dialog a team creates through the service-owner API is runnable: the sandbox's provider has no record of
// it, so it looks it up in Dialogporten's service-owner API in the same workspace, as its back end would.

const sb = sandboxSuite();
const W = "team-records";
const ID = "019ad0c2-9000-7a3b-8c4d-00000000e001";
const nb = (value: string) => [{ value, languageCode: "nb" }];
const ola = findPersona("ola")!;

function created(sp: string): Record<string, unknown> {
  const at = (path: string) => `${sp}/service-provider/ws/${W}/${path}`;
  return {
    id: ID,
    serviceResource: RESOURCE.vatReturn,
    party: PARTY.bakery,
    status: "InProgress",
    process: "urn:sandbox:team:process:mva-test",
    content: {
      title: { value: nb("Teamets MVA-melding"), mediaType: MEDIA_TYPE.plain },
      mainContentReference: { value: nb(at(`fce/${ID}`)), mediaType: MEDIA_TYPE.embedMarkdown },
    },
    guiActions: [
      { id: "019ad0c2-9000-7a3b-8c4d-00000000e101", action: "read", url: at(`app/${ID}`), priority: "Primary", httpMethod: "GET", title: nb("Åpne") },
      {
        id: "019ad0c2-9000-7a3b-8c4d-00000000e102",
        action: "write",
        url: at(`actions/${ID}/write`),
        priority: "Secondary",
        httpMethod: "POST",
        title: nb("Send inn"),
      },
      {
        id: "019ad0c2-9000-7a3b-8c4d-00000000e103",
        action: "delete",
        authorizationAttribute: "urn:altinn:task:Task_1",
        url: at(`actions/${ID}/delete`),
        priority: "Tertiary",
        httpMethod: "DELETE",
        isDeleteDialogAction: true,
        title: nb("Slett utkast"),
      },
    ],
  };
}

const context = (): EndUserSystemContext => ({ ...sb.context(), workspace: W });
const run = (action: Parameters<typeof runFlow>[1]["action"]) =>
  runFlow(context(), { persona: ola, dialogId: ID, action, serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin });
const provider = (exchanges: Exchange[]) => exchanges.find((e) => e.to === "service-provider")!;
const labels = (e: Exchange) => e.nested?.exchanges.map((x) => x.label) ?? [];

describe("the provider runs a dialog it did not make", () => {
  it("a team's created dialog: embed and write action both answered, the provider looking it up through the service-owner API", async () => {
    const origin = sb.sandbox.config.origin;
    const form = new URLSearchParams({ grant_type: SERVICE_OWNER_GRANT, org: "skd" });
    const token = ((await (await fetch(`${origin}/maskinporten/token`, { method: "POST", body: form })).json()) as { access_token: string }).access_token;
    const create = await fetch(`${origin}/dialogporten/api/v1/serviceowner/dialogs`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", [WORKSPACE_HEADER]: W },
      body: JSON.stringify(created(sb.sandbox.config.serviceProviderOrigin)),
    });
    expect(create.status, await create.clone().text()).toBe(201);

    const embed = await run({ kind: "embed" });
    expect(embed.outcome).toEqual({ ok: true, stoppedAt: 6 });
    const fce = provider(embed.exchanges);
    expect(fce.response?.status).toBe(200);
    expect(fce.response?.body).toContain("## Teamets MVA-melding");
    expect(labels(fce)).toContain("Look up a dialog the provider has no record of (service-owner API)");

    const write = await run({ kind: "gui", actionId: "019ad0c2-9000-7a3b-8c4d-00000000e102" });
    expect(provider(write.exchanges).response?.status).toBe(204);
    const login = await signIn(context(), ola);
    const after = (await getDialog(context(), login.value!, ID)).value as Dialog;
    expect(after.activities.at(-1)?.type).toBe("FormSubmitted");
    // The provider moved its process on (its own state, this workspace) and wrote the next task's GUI actions back.
    expect(after.guiActions.find((g) => g.action === "delete")?.authorizationAttribute).toBe("urn:altinn:task:Task_2");

    // Elsewhere the dialog does not exist: the provider finds nothing to serve, after the token check.
    const elsewhere = await runFlow(sb.context(), {
      persona: ola,
      dialogId: ID,
      action: { kind: "embed" },
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
    });
    expect(elsewhere.outcome).toMatchObject({ ok: false, stoppedAt: 3 });
  });

  it("a token for another dialog costs the provider no lookup: the token check refuses first", async () => {
    const vat = await runFlow(sb.context(), {
      persona: ola,
      dialogId: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02",
      action: { kind: "embed" },
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
    });
    const res = await fetch(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/ws/${W}/fce/${ID}`, {
      headers: { authorization: `Bearer ${vat.dialogToken}`, "sandbox-trace": "on" },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("dialog_mismatch");
    const trace = await decodeTrace(res.headers.get(TRACE_HEADER)!);
    expect(trace?.exchanges.some((e) => e.label.includes("service-owner API"))).toBe(false);
  });
});
