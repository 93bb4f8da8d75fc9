import { describe, expect, it } from "vitest";
import { expectValidResponse } from "../altinn/openapi.test-helper";
import { DIALOG_ID } from "../seed/dialogs";
import { PARTY } from "../seed/parties";
import { RESOURCE } from "../seed/resources";
import { serviceOwnerHarness } from "./service-owner.test-helper";

const { base, ownerToken, endUser, send, so } = serviceOwnerHarness();
const SEARCH = "/dialogporten/api/v1/enduser/dialogs";
type Page = {
  items: { id: string; party: string; content: { title: { value: { value: string }[] } } }[];
  hasNextPage: boolean;
  continuationToken?: string;
  orderBy: string;
};

async function search(persona: string, query: string) {
  const r = await endUser(persona, "", query);
  if (r.res.status === 200) expectValidResponse("enduser", "GET", `${SEARCH}${query}`, 200, r.json);
  return { status: r.res.status, page: r.json as unknown as Page, json: r.json };
}

describe("end-user search: GET /api/v1/enduser/dialogs", () => {
  it("lists exactly the dialogs the user may see, newest content first, in the real list shape", async () => {
    const kari = await search("kari", "");
    expect(kari.status).toBe(200);
    expect(kari.page.items.map((i) => i.id)).toEqual([DIALOG_ID.taxReturn]);
    expect(kari.page).toMatchObject({ hasNextPage: false, orderBy: "contentupdatedat_desc,id_desc" });
    // Ola acts for himself and for the bakery (daglig leder): both parties' dialogs, or one party's.
    expect((await search("ola", "")).page.items.map((i) => i.id).sort()).toEqual([DIALOG_ID.vatReturn, DIALOG_ID.buildingPermit].sort());
    const ola = await search("ola", `?party=${encodeURIComponent(PARTY.bakery)}`);
    expect(ola.page.items.map((i) => i.id)).toEqual([DIALOG_ID.vatReturn]);
  });

  it("filters by serviceResource, status, label and free text; pages with continuationToken", async () => {
    const skd = await ownerToken("skd");
    const title = (t: string) => ({ title: { value: [{ value: t, languageCode: "nb" }], mediaType: "text/plain" } });
    for (const t of ["Søknad om utsettelse A", "Søknad om utsettelse B", "Søknad om utsettelse C"])
      expect((await send("POST", "", skd, { serviceResource: RESOURCE.taxReturn, party: PARTY.kari, status: "Draft", content: title(t) })).res.status).toBe(
        201,
      );
    const q = `?serviceResource=${encodeURIComponent(RESOURCE.taxReturn)}&status=Draft&search=utsettelse&orderBy=createdAt_asc&limit=2`;
    const first = await search("kari", q);
    expect(first.page.items.map((i) => i.content.title.value[0]!.value)).toEqual(["Søknad om utsettelse A", "Søknad om utsettelse B"]);
    expect(first.page.hasNextPage).toBe(true);
    const second = await search("kari", `${q}&continuationToken=${encodeURIComponent(first.page.continuationToken!)}`);
    expect(second.page.items.map((i) => i.content.title.value[0]!.value)).toEqual(["Søknad om utsettelse C"]);
    expect(second.page.hasNextPage).toBe(false);
    expect((await search("kari", "?systemLabel=Bin")).page.items).toEqual([]);
    expect((await search("ola", "?search=utsettelse")).page.items).toEqual([]);
  });

  it("never lists a deleted dialog", async () => {
    const skd = await ownerToken("skd");
    expect((await search("kari", "?search=skattemelding")).page.items.map((i) => i.id)).toContain(DIALOG_ID.taxReturn);
    expect((await so(DIALOG_ID.taxReturn, { method: "DELETE", token: skd })).res.status).toBe(204);
    expect((await search("kari", "?search=skattemelding")).page.items.map((i) => i.id)).not.toContain(DIALOG_ID.taxReturn);
  });

  it("400 for bad parameters, 401 without a token", async () => {
    for (const q of [
      "?limit=0",
      "?limit=1001",
      "?createdAfter=2026-01-01T00:00:00",
      "?orderBy=title_asc",
      "?status=Open",
      "?colour=blue",
      "?search=ab",
      "?continuationToken=x",
    ]) {
      const r = await search("kari", q);
      expect(r.status, q).toBe(400);
      expect(r.json).toMatchObject({ code: "invalid_search" });
    }
    const anonymous = await fetch(`${base()}${SEARCH}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
