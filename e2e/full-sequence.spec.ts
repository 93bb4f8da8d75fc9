import { DIALOG_ID } from "../lib/seed/dialogs";
import type { GateNotes } from "../lib/service-provider/trace-notes";
import { expect, test } from "./fixtures";

const entry = (d: { name: string; attribute: string }) => (d.attribute === "main" ? d.name : `${d.name},${d.attribute}`);

test("the happy path, steps 0–6, each step happening when it is shown", async ({ sequence, wire, page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await sequence.goto();
  await expect(sequence.narration).toContainText("Ready");
  // The defaults run on the first click: Kari, her own tax return, the front-channel embed.
  await expect(page.getByLabel("Dialog", { exact: true })).toHaveValue(DIALOG_ID.taxReturn);

  await test.step("step 0: sign in at ID-porten (and nothing else yet)", async () => {
    await sequence.stepTo(0);
    await expect(sequence.arrow(0, "ID-porten / Maskinporten")).toHaveAttribute("aria-current", "step");
    const ex = sequence.exchange(/Sign in as Kari Nordmann/);
    await expect(ex).toContainText("POST");
    await expect(ex).toContainText("/id-porten/token");
    await expect(ex).toContainText("200 OK");
    expect(await wire.to(/\/enduser\/dialogs\//)).toHaveLength(0);
  });

  let decisions: { name: string; attribute: string; decision: string }[] = [];
  await test.step("step 1: Dialogporten asks Altinn Authorization (the dialog request happens now)", async () => {
    await sequence.stepTo(1);
    expect(await wire.to(/\/enduser\/dialogs\//)).toHaveLength(1);
    decisions = (await wire.lastDialog()).notes.decisions as typeof decisions;
    await expect(sequence.tab("Decision")).toHaveAttribute("aria-selected", "true");
    // Asked, not yet answered: the pairs are listed, the decisions table waits for step 2.
    await expect(sequence.panel.getByRole("list", { name: "Pairs asked about" }).getByRole("listitem")).toHaveCount(decisions.length);
    await expect(sequence.decisionsTable()).toHaveCount(0);
    await expect(sequence.panel).not.toContainText("Permit");
    await expect(page.getByText("steps 1–2: 1")).toBeVisible();
  });

  await test.step("step 2: one decision per pair, with the rule that decided it", async () => {
    await sequence.stepTo(2);
    const table = sequence.decisionsTable();
    await expect(table.getByRole("row")).toHaveCount(decisions.length + 1);
    for (const d of decisions) {
      const row = table
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${d.name} ×`) }) })
        .filter({ hasText: d.attribute });
      await expect(row).toContainText(d.decision);
    }
    await expect(table).toContainText("skattemelding-2");
    await expect(sequence.isAuthorizedTable()).toContainText("Main content (front-channel embed)");
  });

  await test.step("step 3: the dialog and its token; the page's decoded claims are the trace's claims", async () => {
    await sequence.stepTo(3);
    await expect(sequence.tab("Token")).toHaveAttribute("aria-selected", "true");
    const dp = await wire.lastDialog();
    const payload = await sequence.decodedJson("Decoded payload");
    expect(payload).toEqual(dp.claims);
    expect(payload).toEqual((dp.notes.token as { claims: unknown }).claims);
    expect(await sequence.decodedJson("Decoded header")).toEqual((dp.notes.token as { header: unknown }).header);
    expect(payload.i).toBe(DIALOG_ID.taxReturn);
    const permitted = decisions
      .filter((d) => d.decision === "Permit")
      .map(entry)
      .sort();
    expect(String(payload.a).split(";").sort()).toEqual(permitted);
    const entries = sequence.panel.getByRole("list", { name: "Entries of a" }).getByRole("listitem");
    await expect(entries).toHaveCount(permitted.length);
    // The end-user system holds the very string Dialogporten sent, opaque.
    await sequence
      .endUserSystemSees()
      .getByRole("button", { name: /show all \d+ chars/ })
      .click();
    await expect(sequence.endUserSystemSees()).toContainText(dp.token);
    await expect(sequence.panel).toContainText(/expires in \d+:\d\d/);
    expect(await wire.to(/\/service-provider\//)).toHaveLength(0);
    await expect(sequence.authorizationCounter).toHaveText("–");
  });

  await test.step("step 4: the end-user system calls the service provider with the token", async () => {
    await sequence.stepTo(4);
    expect(await wire.to(/\/service-provider\//)).toHaveLength(1);
    const ex = sequence.exchange(/front-channel embed/);
    await expect(ex).toContainText("authorization");
    await expect(ex.getByRole("button", { name: /show all \d+ chars/ }).first()).toBeVisible();
    await expect(sequence.authorizationCounter).toHaveText("0");
    await ex.getByRole("button", { name: "Copy as curl" }).click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    const dp = await wire.lastDialog();
    expect(curl).toMatch(/^curl -i /);
    expect(curl).toContain(`authorization: Bearer ${dp.token}`);
    expect(curl).toMatch(new RegExp(`/service-provider/(ws/[^/]+/)?fce/${DIALOG_ID.taxReturn}`));
    expect(curl).not.toContain("sandbox-trace");
    // The service provider is on another origin: the browser's own CORS preflight is in the diagram too.
    await page.getByRole("button", { name: /^Preflight: End-user system to Service provider/ }).click();
    const preflight = sequence.exchange(/CORS preflight/);
    await expect(preflight).toContainText("OPTIONS");
    await expect(preflight).toContainText("access-control-allow-origin");
  });

  await test.step("step 5: the service provider's own checks, all passing, no call to Authorization", async () => {
    await sequence.stepTo(5);
    await expect(sequence.tab("Checklist")).toHaveAttribute("aria-selected", "true");
    const sp = (await wire.to(/\/service-provider\//)).at(-1)!;
    const checks = (sp.trace?.notes as GateNotes).verification!.checks;
    await expect(sequence.checks()).toHaveCount(checks.length);
    for (const [i, c] of checks.entries()) await expect(sequence.checks().nth(i)).toContainText(c.code);
    await expect(sequence.panel).toContainText("Accepted");
    await expect(sequence.checks().filter({ hasText: /\bFail\b/ })).toHaveCount(0);
    await expect(sequence.authorizationCounter).toHaveText("0");
  });

  await test.step("step 6: the service provider answers with its content", async () => {
    await sequence.stepTo(6);
    const sp = (await wire.to(/\/service-provider\//)).at(-1)!;
    expect(sp.status).toBe(200);
    await expect(sequence.exchange()).toContainText("200 OK");
    await expect(sequence.exchange()).toContainText("text/markdown");
    await expect(sequence.authorizationCounter).toHaveText("0");
    await expect(sequence.narration).toContainText("The run is complete");
    await expect(sequence.nextStep).toBeDisabled();
  });

  await test.step("back and forth show what happened without calling again", async () => {
    const calls = (await wire.all()).length;
    await sequence.back.click();
    await sequence.expectStep(5);
    await page.keyboard.press("ArrowRight");
    await sequence.expectStep(6);
    await sequence.arrow(1).click();
    await expect(sequence.exchange("Exchange: Authorize request")).toBeVisible();
    expect((await wire.all()).length).toBe(calls);
  });
});
