import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { MEDIA_TYPE } from "@/lib/altinn/dialog";
import { SERVICE_OWNER_GRANT } from "@/lib/altinn/grants";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { searchDialogs, signIn } from "@/lib/end-user-system/calls";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { PARTY } from "@/lib/seed/parties";
import { findPersona } from "@/lib/seed/personas";
import { RESOURCE } from "@/lib/seed/resources";
import { WORKSPACE_HEADER } from "@/lib/shared/workspace";
import { actionChoices, dialogChoices, knownDialog } from "./choices";
import { actionOptionsFor, rememberListed, titleOf } from "./scenario";

// The picker lists what Dialogporten's search answers for the persona and party in the browser's workspace.

const sb = sandboxSuite();
const W = "picker-test";
const CREATED = "019ad0c2-9000-7a3b-8c4d-00000000f001";
const ola = findPersona("ola")!;
const nb = (value: string) => [{ value, languageCode: "nb" }];
const context = (): EndUserSystemContext => ({ ...sb.context(false), workspace: W });

async function ownerCall(method: string, path: string, body?: unknown) {
  const origin = sb.sandbox.config.origin;
  const form = new URLSearchParams({ grant_type: SERVICE_OWNER_GRANT, org: "skd" });
  const token = ((await (await fetch(`${origin}/maskinporten/token`, { method: "POST", body: form })).json()) as { access_token: string }).access_token;
  return fetch(`${origin}/dialogporten/api/v1/serviceowner/dialogs${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", [WORKSPACE_HEADER]: W },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function list() {
  const login = await signIn(context(), ola);
  const r = await searchDialogs(context(), login.value!, PARTY.bakery);
  expect(r.exchange.request.url).toContain(`/dialogporten/api/v1/enduser/dialogs?party=${encodeURIComponent(PARTY.bakery)}`);
  rememberListed(r.value!);
  return r.value!;
}

describe("the dialog picker, from Dialogporten's search", () => {
  it("before the search answers: the seed's dialogs; after: the search's, with created, Bin and deleted ones told apart", async () => {
    const seedOnly = dialogChoices(ola, PARTY.bakery);
    expect(seedOnly.reachable.map((c) => c.value)).toEqual([DIALOG_ID.vatReturn]);

    expect(
      (
        await ownerCall("POST", "", {
          id: CREATED,
          serviceResource: RESOURCE.vatReturn,
          party: PARTY.bakery,
          status: "InProgress",
          content: {
            title: { value: nb("Teamets nye MVA-melding"), mediaType: MEDIA_TYPE.plain },
            mainContentReference: {
              value: nb(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/ws/${W}/fce/${CREATED}`),
              mediaType: MEDIA_TYPE.embedMarkdown,
            },
          },
        })
      ).status,
    ).toBe(201);
    const put = await ownerCall("PUT", `/${DIALOG_ID.vatReturn}/endusercontext/systemlabels`, { addLabels: ["Bin"] });
    expect(put.status).toBe(204);

    const items = await list();
    expect(items.map((i) => i.id).sort()).toEqual([CREATED, DIALOG_ID.vatReturn].sort());
    const listed = dialogChoices(ola, PARTY.bakery, items);
    expect(listed.reachable.map((c) => c.label)).toEqual(
      expect.arrayContaining(["Teamets nye MVA-melding (Sandbox Bakeri AS)", "MVA-melding 6. termin 2026 (Sandbox Bakeri AS) — in the Bin"]),
    );
    expect(listed.reachable.find((c) => c.value === DIALOG_ID.vatReturn)?.text.nb).toMatch(/— i papirkurven$/);
    // The seed's own soft-deleted dialog: never listed, and what step 3 will say.
    expect(listed.refused.find((c) => c.value === DIALOG_ID.deletedVatReturn)?.label).toMatch(/— deleted: 410 at step 3$/);

    // A created dialog is known by its title and offered by its embed; the prediction asks the same PDP.
    expect(titleOf(CREATED)).toBe("Teamets nye MVA-melding");
    expect(actionOptionsFor(CREATED).map((o) => o.value)).toEqual(["embed"]);
    expect(actionChoices(ola, knownDialog(CREATED)).granted.map((o) => o.value)).toEqual(["embed"]);

    // Soft-deleted by its owner in this workspace: the search stops listing it, and the picker says so.
    expect((await ownerCall("DELETE", `/${DIALOG_ID.vatReturn}`)).status).toBe(204);
    const after = dialogChoices(ola, PARTY.bakery, await list());
    const vat = [...after.reachable, ...after.refused].find((c) => c.value === DIALOG_ID.vatReturn)!;
    expect(vat.label).toBe("MVA-melding 6. termin 2026 (Sandbox Bakeri AS) — not listed (deleted or hidden)");
  });
});
