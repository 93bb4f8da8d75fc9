import { describe, expect, it } from "vitest";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { encodeAuthorizedActions, getAltinnActions } from "./actions";

const dialog = (id: string) => seedDialogs.find((d) => d.id === id)!;

describe("getAltinnActions", () => {
  it("collects API, GUI and transmission pairs, adds (read, main), de-duplicates and sorts", () => {
    expect(getAltinnActions(dialog(DIALOG_ID.vatReturn))).toEqual([
      { name: "delete", attribute: "urn:altinn:task:Task_1" },
      { name: "read", attribute: "main" },
      { name: "sign", attribute: "urn:altinn:task:Task_2" },
      { name: "transmissionread", attribute: "urn:altinn:subresource:revisjon" },
      { name: "write", attribute: "main" },
    ]);
  });

  it("asks for read (not transmissionread) when a transmission points at another resource", () => {
    const d = structuredClone(dialog(DIALOG_ID.fishingLicence));
    d.transmissions[0]!.authorizationAttribute = "urn:altinn:resource:other";
    expect(getAltinnActions(d)).toContainEqual({ name: "read", attribute: "urn:altinn:resource:other" });
  });
});

describe("encodeAuthorizedActions (the a claim)", () => {
  it("joins with ; and appends non-main attributes after a comma", () => {
    expect(
      encodeAuthorizedActions([
        { name: "read", attribute: "main" },
        { name: "delete", attribute: "urn:altinn:task:Task_1" },
      ]),
    ).toBe("delete,urn:altinn:task:Task_1;read");
  });
  it("is the empty string when nothing is permitted", () => {
    expect(encodeAuthorizedActions([])).toBe("");
  });
  it("matches the docs example", () => {
    expect(
      encodeAuthorizedActions([
        { name: "read", attribute: "main" },
        { name: "write", attribute: "main" },
        { name: "sign", attribute: "main" },
        { name: "elementread", attribute: "urn:altinn:subresource:authorizationattribute1" },
      ]),
    ).toBe("elementread,urn:altinn:subresource:authorizationattribute1;read;sign;write");
  });
});
