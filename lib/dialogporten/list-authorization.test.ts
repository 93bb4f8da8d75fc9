import { describe, expect, it } from "vitest";
import { expectValidResponse } from "../altinn/openapi.test-helper";
import { parseActions } from "../altinn/dialog-token";
import type { Dialog } from "../altinn/dialog";
import { UNAUTHORIZED_URL } from "../altinn/dialog";
import { PARTY } from "../seed/parties";
import { RESOURCE } from "../seed/resources";
import { visibility } from "./list-authorization";
import { claimsOf, serviceOwnerHarness } from "./service-owner.test-helper";

const { ownerToken, endUser, send } = serviceOwnerHarness();
const nb = (value: string) => [{ value, languageCode: "nb" }];
const REPORT = "urn:altinn:subresource:fangstrapport";

describe("visibility: main access, list authorization, or nothing", () => {
  it("main when a pair on main is permitted, list when only another pair is, hidden when none is", () => {
    expect(visibility([{ name: "read", attribute: "main" }])).toEqual({ visible: true, via: "main" });
    expect(visibility([{ name: "transmissionread", attribute: REPORT }])).toEqual({ visible: true, via: "list" });
    expect(visibility([])).toEqual({ visible: false });
  });
});

describe("end-user GET: the list-authorization fallback", () => {
  it("200 with every element but the permitted one unauthorized, and a token holding only that pair", async () => {
    // The fishing-licence policy gives a daglig leder the catch report and nothing else (lib/seed/policies.ts, fiskekort-2).
    const created = await send("POST", "", await ownerToken("mdir"), {
      serviceResource: RESOURCE.fishingLicence,
      party: PARTY.bakery,
      content: {
        title: { value: nb("Fiskekort for bedriften"), mediaType: "text/plain" },
        mainContentReference: {
          value: nb("https://tjenestetilbyder.example/fce"),
          mediaType: "application/vnd.dialogporten.frontchannelembed-url;type=text/markdown",
        },
      },
      guiActions: [{ action: "read", url: "https://tjenestetilbyder.example/app", priority: "Primary", title: nb("Åpne") }],
      transmissions: [
        {
          type: "Information",
          authorizationAttribute: REPORT,
          sender: { actorType: "ServiceOwner" },
          content: { title: { value: nb("Fangstrapport"), mediaType: "text/plain" } },
          attachments: [{ displayName: nb("Rapport"), urls: [{ url: "https://tjenestetilbyder.example/rapport.pdf", consumerType: "Gui" }] }],
        },
        { type: "Information", sender: { actorType: "ServiceOwner" }, content: { title: { value: nb("Kvittering"), mediaType: "text/plain" } } },
      ],
    });
    expect(created.res.status, created.text).toBe(201);
    const id = JSON.parse(created.text) as string;

    const r = await endUser("ola", id);
    expect(r.res.status).toBe(200);
    const { dialogToken, ...dto } = r.json as unknown as Dialog;
    expectValidResponse("enduser", "GET", `/dialogporten/api/v1/enduser/dialogs/${id}`, 200, { ...dto, dialogToken });
    expect(parseActions(claimsOf(dialogToken!).a as string)).toEqual([{ name: "transmissionread", attribute: REPORT }]);
    expect(dto.guiActions[0]).toMatchObject({ isAuthorized: false, url: UNAUTHORIZED_URL });
    expect(dto.content.mainContentReference).toMatchObject({ isAuthorized: false, value: [{ value: UNAUTHORIZED_URL }] });
    const [report, receipt] = dto.transmissions;
    expect(report).toMatchObject({ isAuthorized: true, attachments: [{ urls: [{ url: "https://tjenestetilbyder.example/rapport.pdf" }] }] });
    expect(receipt).toMatchObject({ isAuthorized: false });
    // Kari holds no right for the bakery at all: still 403.
    expect((await endUser("kari", id)).res.status).toBe(403);
  });
});
