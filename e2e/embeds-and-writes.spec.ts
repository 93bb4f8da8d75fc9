import type { ServiceProviderNotes } from "../lib/service-provider/trace-notes";
import { APP_ORIGIN, SP_ORIGIN } from "../playwright.config";
import { expect, test } from "./fixtures";

// Each test's browser works in a workspace of its own (a fresh localStorage), so the VAT return starts in
// Task_1 there whatever other specs did.

const OLA_VAT = { persona: "Ola Nordmann · ID-porten", party: "Sandbox Bakeri AS", dialog: /^MVA-melding/ };

test.describe("front-channel embeds, across origins", () => {
  test("the browser's preflight, then the call, then the embed rendered from the token's claims", async ({ sequence, wire }) => {
    await sequence.goto();
    await sequence.runAll.click();
    await sequence.expectStep(6);

    await test.step("the preflight is drawn before step 4, and is the one the provider recorded", async () => {
      const [pre, call] = [await sequence.preflightArrow().boundingBox(), await sequence.arrow(4).boundingBox()];
      expect(pre!.y).toBeLessThan(call!.y);
      const sp = (await wire.to(/\/service-provider\/(ws\/[^/]+\/)?fce\//)).at(-1)!;
      const note = (sp.trace?.notes as ServiceProviderNotes).preflight!;
      expect(note.observed, "the provider saw the preflight before the call").toBe(true);
      if (!note.observed) return;
      expect(note.ageMs).toBeGreaterThanOrEqual(0);
      await sequence.preflightArrow().click();
      const ex = sequence.exchange(/CORS preflight/);
      await expect(ex).toContainText("OPTIONS");
      await expect(sequence.headerRow(ex, "Request headers", "origin")).toContainText(APP_ORIGIN);
      await expect(sequence.headerRow(ex, "Request headers", "access-control-request-headers")).toContainText("authorization");
      await expect(sequence.headerRow(ex, "Response headers", "access-control-allow-origin")).toContainText(APP_ORIGIN);
      expect(Object.fromEntries(note.exchange.response!.headers)["access-control-allow-origin"]).toBe(APP_ORIGIN);
      expect(sp.url.startsWith(SP_ORIGIN)).toBe(true);
    });

    await test.step("step 6: the markdown, rendered beside the raw body, names who asks and for whom, from the token", async () => {
      await sequence.arrow(6).click();
      const { claims } = await wire.lastDialog();
      const embed = sequence.renderedEmbed();
      await expect(embed).toContainText(String(claims!.c));
      await expect(embed).toContainText(String(claims!.p));
      await expect(embed.getByRole("heading", { name: "Skattemelding for 2026" })).toBeVisible();
      await expect(embed.locator("script, img, iframe, style")).toHaveCount(0);
      await expect(sequence.panel.getByRole("figure", { name: /^Raw response body/ })).toContainText("## Skattemelding for 2026");
      await expect(sequence.embedRules().filter({ hasText: "Content-Type" })).toContainText("Pass");
      await expect(sequence.embedRules().filter({ hasText: "1 attempt" })).toBeVisible();
      await expect(sequence.narration).toContainText("rendered the markdown with allow-listed tags only");
    });
  });

  test("legacy HTML (…;type=text/html): the provider answers text/html; the end-user system renders the allow-listed tags only", async ({ sequence }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Siri Selvbetjent · ID-porten", action: /Transmission “Vi trenger mer informasjon”/ });
    await sequence.runAll.click();
    await sequence.expectStep(6);
    await sequence.arrow(6).click();
    await expect(sequence.embedRules().filter({ hasText: "Content-Type" })).toContainText("text/html");
    await expect(sequence.embedRules().filter({ hasText: "Legacy HTML" })).toContainText("Cleaned");
    const embed = sequence.renderedEmbed();
    await expect(embed.getByRole("heading", { name: "Vi trenger mer informasjon" })).toBeVisible();
    await expect(embed).toContainText("siri.selvbetjent@example.com");
    // The raw body has the layout markup a migrated message carries; none of it reaches the page.
    await expect(sequence.panel.getByRole("figure", { name: /^Raw response body/ })).toContainText('<span style="font-weight:bold">');
    await expect(embed.locator("div, span, script, style, img, iframe, [style], [class*=altinn2]")).toHaveCount(0);
  });

  test("the end-user system's own rules: a 503 is retried, a wrong Content-Type is refused", async ({ sequence, page }) => {
    let calls = 0;
    // The provider's first answer is replaced: a 503, then (on the second run) HTML where markdown was announced.
    await page.route(new RegExp(`^${SP_ORIGIN}/service-provider/(ws/[^/]+/)?fce/`), async (route) => {
      calls++;
      const cors = { "access-control-allow-origin": APP_ORIGIN };
      if (calls === 1) return route.fulfill({ status: 503, headers: { ...cors, "content-type": "text/plain" }, body: "down" });
      if (calls === 3) return route.fulfill({ status: 200, headers: { ...cors, "content-type": "text/html" }, body: "<script>alert(1)</script>" });
      return route.fallback();
    });
    await sequence.goto();
    await sequence.runAll.click();
    await sequence.expectStep(6);
    await expect(sequence.embedRules().filter({ hasText: "2 attempts: 503 → 200" })).toContainText("Retried");
    await expect(sequence.renderedEmbed()).toBeVisible();
    await sequence.arrow(4).click();
    await expect(sequence.panel.getByRole("note").filter({ hasText: "2 attempts" })).toBeVisible();
    await expect(sequence.exchange(/retry 1/)).toContainText("200");

    await sequence.reset.click();
    await sequence.runAll.click();
    await sequence.expectStep(6);
    await expect(sequence.panel).toContainText("embed_wrong_content_type");
    await expect(sequence.renderedEmbed()).toHaveCount(0);
    await expect(sequence.arrow(6)).toContainText("refused");
  });
});

test.describe("write actions change the dialog, and a new token comes with it", () => {
  test("Ola: “Signer” first is refused with 422 by the provider's own task; “Send inn” → 204 moves the task into the GUI actions; then “Signer” works", async ({
    sequence,
    wire,
  }) => {
    test.setTimeout(60_000);
    await sequence.goto();
    const dialogs = async () => (await wire.to(/\/enduser\/dialogs\//)).length;

    await test.step("Signer (bound to Task_2) before submitting: 422 dialog_not_in_task, explained; nothing is fetched again", async () => {
      await sequence.chooseScenario({ ...OLA_VAT, action: /“Signer”/ });
      const n = await dialogs();
      await sequence.runAll.click();
      await sequence.expectStep(6);
      expect((await wire.to(/\/service-provider\/(ws\/[^/]+\/)?actions\/.*\/sign$/)).at(-1)!.status).toBe(422);
      await expect(sequence.exchange().getByRole("note")).toContainText("dialog_not_in_task");
      await expect(sequence.exchange().getByRole("note")).toContainText("bound to Task_2, but the dialog is in Task_1");
      await sequence.openTab("Changes");
      await expect(sequence.panel).toContainText("Nothing changed");
      await expect(sequence.panel).toContainText("it is in Task_1, and the action belongs to Task_2");
      expect(await dialogs()).toBe(n + 1);
    });

    await test.step("Send inn: 204, then one GET of the dialog: new revision, FormSubmitted, the delete action now bound to Task_2, a new token", async () => {
      await sequence.chooseScenario({ action: /“Send inn”/ });
      const n = await dialogs();
      await sequence.runAll.click();
      await expect(sequence.tab("Changes")).toHaveAttribute("aria-selected", "true");
      expect((await wire.to(/\/service-provider\/(ws\/[^/]+\/)?actions\/.*\/write$/)).at(-1)!.status).toBe(204);
      const gets = (await wire.to(/\/enduser\/dialogs\//)).slice(n);
      expect(gets).toHaveLength(2);
      const [before, after] = gets.map((g) => JSON.parse(g.body) as { revision: string; dialogToken: string });
      const table = sequence.dialogBeforeAfter();
      await expect(sequence.row(table, "revision").getByRole("cell")).toHaveText([before!.revision, after!.revision, /Changed/]);
      await expect(sequence.row(table, "guiActions[].authorizationAttribute").getByRole("cell").nth(1)).toHaveText("sign: Task_2 · delete: Task_2");
      await expect(sequence.newActivities()).toContainText("FormSubmitted");
      const jti = (t: string) => (JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()) as { jti: string }).jti;
      expect(jti(after!.dialogToken)).not.toBe(jti(before!.dialogToken));
      await expect(sequence.row(sequence.tokenBeforeAfter(), "jti").getByRole("cell")).toHaveText([jti(before!.dialogToken), jti(after!.dialogToken), /New/]);
      await expect(sequence.narration).toContainText("new dialog token");
    });

    await test.step("Signer now works: 204, SignatureProvided, Completed", async () => {
      await sequence.chooseScenario({ action: /“Signer”/ });
      await sequence.runAll.click();
      await expect(sequence.tab("Changes")).toHaveAttribute("aria-selected", "true");
      expect((await wire.to(/\/service-provider\/(ws\/[^/]+\/)?actions\/.*\/sign$/)).at(-1)!.status).toBe(204);
      await expect(sequence.row(sequence.dialogBeforeAfter(), "status").getByRole("cell").nth(1)).toHaveText("Completed");
      await expect(sequence.newActivities()).toContainText("SignatureProvided");
    });
  });

  test("the tax return's submit answers 202: the end-user system polls until the revision changes", async ({ sequence, wire }) => {
    await sequence.goto();
    await sequence.chooseScenario({ action: /“Bekreft og send inn”/ });
    await sequence.runAll.click();
    await expect(sequence.tab("Changes")).toHaveAttribute("aria-selected", "true");
    expect((await wire.to(/\/service-provider\/(ws\/[^/]+\/)?actions\//)).at(-1)!.status).toBe(202);
    await expect(sequence.panel).toContainText("202 Accepted: the change was queued");
    await expect(sequence.row(sequence.dialogBeforeAfter(), "revision")).toContainText("Changed");
    await expect(sequence.dialogRefetches().first()).toContainText("200");
    await expect(sequence.newActivities()).toContainText("FormSubmitted");
  });

  test("the system user's “Signer” → 403 insufficient_scope: nothing changed, nothing fetched again", async ({ sequence, wire }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Regnskapssystem (system user) · Maskinporten", dialog: /^MVA-melding/, action: /“Signer”/ });
    await sequence.runAll.click();
    await sequence.expectStep(6);
    expect((await wire.to(/\/service-provider\//)).at(-1)!.status).toBe(403);
    await sequence.openTab("Changes");
    await expect(sequence.panel).toContainText('error="insufficient_scope"');
    await expect(sequence.panel).toContainText("Nothing changed");
    expect(await wire.to(/\/enduser\/dialogs\//)).toHaveLength(1);
  });
});

test.describe("the claim, measured: token path and legacy path side by side", () => {
  test("steps 4–6 with the dialog token make no call to Altinn Authorization; the legacy path makes one, and pays its latency", async ({ compare, wire }) => {
    await compare.goto();
    await compare.run(50);
    await expect(compare.cells("Calls to Altinn Authorization in steps 4–6")).toHaveText(["0", "1"]);
    const times = await compare.cells("Time of steps 4–6").allTextContents();
    const ms = times.map((t) => Number(/([\d.]+) ms/.exec(t)?.[1]));
    expect(ms.every((n) => n > 0)).toBe(true);
    expect(ms[1]).toBeGreaterThanOrEqual(50);
    await expect(compare.cells("Answer (step 6)")).toContainText(["200", "200"]);
    await expect(compare.path("With the dialog token").getByRole("article", { name: /^Embed/ })).toContainText("made no call to Altinn Authorization");
    await expect(compare.path("Legacy: no dialog token").getByRole("article", { name: /^Embed/ })).toContainText("asked Altinn Authorization");
    const legacy = (await wire.to(/\/service-provider\/(ws\/[^/]+\/)?legacy\//)).at(-1)!;
    expect(legacy.trace?.notes).toMatchObject({ authorizationCalls: 1, pdpLatencyMs: 50, decision: "Permit" });
    const token = (await wire.to(/\/service-provider\/(ws\/[^/]+\/)?fce\//)).at(-1)!;
    expect(token.trace?.exchanges.filter((e) => e.to === "authorization")).toHaveLength(0);
  });
});
