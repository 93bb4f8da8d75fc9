import { CATALOGUE } from "../lib/catalogue/entries";
import { expect, test } from "./fixtures";
import { axeViolations } from "./support/axe";

// The catalogue in a real browser: the index opens an entry in the sequence view, which runs it from the page
// (cross-origin to the service provider) and shows the evidence — the changed token part, the failing check,
// the refused exchange with its headers — read back from what was really sent and answered.

test.describe("the catalogue index", () => {
  test("lists every entry, grouped; search and the kind filter narrow it", async ({ catalogue }) => {
    test.setTimeout(60_000);
    await catalogue.gotoIndex();
    await expect(catalogue.items()).toHaveCount(CATALOGUE.length);
    await expect(catalogue.index.getByRole("heading", { level: 2 })).toHaveCount(4);
    await catalogue.search.fill("alg");
    const shown = await catalogue.items().evaluateAll((li) => li.map((l) => l.getAttribute("data-entry")));
    expect(shown).toEqual(expect.arrayContaining(["alg-none", "alg-hs256-public-key", "alg-rs256"]));
    expect(shown).not.toContain("pdp-down");
    await catalogue.search.fill("");
    await catalogue.index.getByRole("radio", { name: "Faults" }).check();
    await expect(catalogue.items()).toHaveCount(CATALOGUE.filter((e) => e.kind === "fault").length);
  });

  test("an attack opened from the index shows the changed token part, the failing check red and the refused exchange", async ({ catalogue, page, wire }) => {
    await catalogue.gotoIndex();
    await catalogue.items("alg-none").getByRole("link", { name: "alg: none" }).click();
    await expect(page).toHaveURL(/\/\?entry=alg-none/);
    await catalogue.expectRun("alg-none");
    await expect(catalogue.entry).toHaveAttribute("data-matches", "true");
    await expect(catalogue.entry).toHaveAttribute("data-caught-by", "alg_not_allowed");
    await expect(catalogue.lesson).toContainText("only EdDSA is accepted");
    await expect(catalogue.lesson.getByRole("link", { name: /RFC 8725 §3\.1/ })).toHaveAttribute("href", /rfc8725#section-3\.1$/);

    // What the page shows is what the wire carried: the provider's 401 and its WWW-Authenticate.
    const answer = (await wire.to(/\/service-provider\//)).at(-1)!;
    expect(answer.status).toBe(401);
    await expect(catalogue.evidence("status")).toHaveText(/^401/);
    await expect(catalogue.evidence("www-authenticate")).toHaveText(answer.headers["www-authenticate"]!);
    await expect(catalogue.evidence("www-authenticate")).toContainText('error="invalid_token"');

    await catalogue.show("Show the refused exchange");
    await expect(catalogue.responseHeaders()).toContainText("www-authenticate");
    await expect(catalogue.panel).toContainText('"code": "alg_not_allowed"');

    await catalogue.show("Show the token");
    const header = catalogue.changedPart("header");
    await expect(header.locator('[data-field="alg"]')).toContainText('"EdDSA"');
    await expect(header.locator('[data-field="alg"] mark')).toHaveText('"none"');
    await expect(catalogue.changedPart("signature")).toBeVisible();

    await catalogue.show("Show the checklist");
    await expect(catalogue.failingCheck()).toHaveCount(1);
    await expect(catalogue.failingCheck()).toContainText("alg_not_allowed");
    await expect(catalogue.failingCheck()).toHaveClass(/bg-red-50/);
  });

  test("a fault deep-linked shows the provider's 503 with Retry-After", async ({ catalogue }) => {
    await catalogue.open("jwks-down-cold-cache");
    await expect(catalogue.entry).toHaveAttribute("data-caught-by", "jwks_unavailable");
    await expect(catalogue.evidence("status")).toHaveText(/^503/);
    await expect(catalogue.evidence("retry-after")).toHaveText(/^\d+$/);
    await catalogue.show("Show the refused exchange");
    await expect(catalogue.responseHeaders()).toContainText("retry-after");
  });

  test("Authorization down: Dialogporten's 502, as the real one answers, and no token", async ({ catalogue }) => {
    await catalogue.open("pdp-down");
    await expect(catalogue.entry).toHaveAttribute("data-caught-by", "pdp_unreachable");
    await expect(catalogue.evidence("status")).toHaveText(/^502/);
    await expect(catalogue.entry.getByRole("button", { name: "Show the token" })).toHaveCount(0);
  });

  test("an old /catalogue?entry= link opens the sequence view, in the link's language", async ({ catalogue, page }) => {
    await page.goto("/catalogue?entry=payload-byte-changed&lang=nb");
    await expect(page).toHaveURL(/\/\?entry=payload-byte-changed.*lang=nb/);
    await catalogue.expectRun("payload-byte-changed");
    await expect(catalogue.entry.getByRole("heading", { name: "Én byte i payloaden endret" })).toBeVisible();
    await expect(catalogue.verdict).toContainText("Fanget av signature_invalid");
    await catalogue.entry.getByRole("button", { name: "Vis tokenet" }).click();
    await expect(catalogue.changedPart("payload").locator('[data-field="l"] mark')).toHaveText("4");
  });

  test("an entry a browser cannot send says why and names the commands that prove it; an unknown id says so", async ({ catalogue, page }) => {
    await page.goto("/?entry=token-in-cookie");
    await expect(page.getByTestId("not-in-browser")).toContainText("Browsers never let a script set a Cookie header");
    await expect(page.getByTestId("not-in-browser")).toContainText('e2e/catalogue-http.spec.ts -g "token-in-cookie"');
    await expect(catalogue.verdict).toHaveCount(0);
    await page.goto("/?entry=no-such-attack");
    await expect(catalogue.entry).toContainText("“no-such-attack”, which is not in the catalogue");
  });

  test("Run all plays the entry again from step 0 with fresh calls", async ({ catalogue, sequence, wire }) => {
    await catalogue.open("token-for-another-dialog");
    const before = (await wire.to(/\/enduser\/dialogs\//)).length;
    await sequence.runAll.click();
    await expect(sequence.stepLabel).toContainText("step 6 of 6");
    await expect(catalogue.entry).toHaveAttribute("data-caught-by", "dialog_mismatch");
    expect((await wire.to(/\/enduser\/dialogs\//)).length).toBeGreaterThan(before);
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 720 },
  ]) {
    test(`no axe violations on the index, ${viewport.width} px`, async ({ catalogue, page }) => {
      // A full axe scan of a long page: many seconds on a busy two-core machine.
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await catalogue.gotoIndex();
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`no axe violations on an entry's run with its token diff, ${viewport.width} px`, async ({ catalogue, page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await catalogue.open("payload-byte-changed");
      await catalogue.show("Show the token");
      await expect(catalogue.changedPart("payload")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      const banner = await catalogue.entry.boundingBox();
      expect(banner!.x + banner!.width).toBeLessThanOrEqual(viewport.width);
    });
  }

  test("every entry a browser can run matches the catalogue, faults included", async ({ catalogue }) => {
    test.setTimeout(300_000);
    const mismatches: string[] = [];
    await catalogue.open("alg-none");
    for (const e of CATALOGUE.filter((x) => !x.notInBrowser)) {
      // Moving through history, as back and forward do: the page stays loaded and opens each entry's link.
      await catalogue.page.evaluate((id) => {
        history.pushState(null, "", `/?entry=${id}`);
        dispatchEvent(new PopStateEvent("popstate"));
      }, e.id);
      await catalogue.expectRun(e.id);
      if ((await catalogue.entry.getAttribute("data-matches")) !== "true") mismatches.push(`${e.id}: ${await catalogue.entry.getAttribute("data-caught-by")}`);
    }
    expect(mismatches).toEqual([]);
  });
});
