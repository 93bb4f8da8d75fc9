import type { Browser, BrowserContext } from "@playwright/test";
import type { GateNotes } from "../lib/service-provider/trace-notes";
import { expect, test } from "./fixtures";
import { SequencePage } from "./sequence-page";
import { WorldPage } from "./world-page";

/**
 * Time and keys per workspace (issue 11), through the UI a learner uses: /workspace moves the clock and rotates
 * keys, the sequence page runs the real six steps against that state. Each test is a browser context of its own,
 * so a workspace of its own; the tabs of one context share it, as a learner's tabs do.
 */

// Whole runs, several pages and contexts per test, on a machine shared by several engineers' suites.
test.beforeEach(() => test.slow());

/** Step 5 as the sequence page shows it, after a run: the checklist's verdict and the codes it names. */
async function runToStep5(sequence: SequencePage) {
  await sequence.runAll.click();
  // A whole run of real calls: more than the default 10 s when the machine is busy.
  await expect(sequence.stepLabel).toContainText("step 6 of 6", { timeout: 30_000 });
  await sequence.expectStep(6);
  await sequence.back.click();
  await sequence.expectStep(5);
}

async function participant(browser: Browser): Promise<{ context: BrowserContext; world: WorldPage; sequence: SequencePage }> {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  return { context, world: new WorldPage(page), sequence: new SequencePage(page) };
}

test("a jump of 11 minutes after step 3 expires the token at step 5 with token_expired; the clock travels in the link", async ({
  page,
  context,
  sequence,
  browser,
}) => {
  await sequence.goto();
  for (const step of [0, 1, 2, 3]) await sequence.stepTo(step);

  // In a second tab, as a learner would: the token from step 3 is already in the first one.
  const world = new WorldPage(await context.newPage());
  await world.goto();
  await expect(world.clock.getByRole("listitem").filter({ hasText: "+11 min" })).toContainText("a token issued before it: token_expired");
  await world.jump("+11 min");
  await expect(world.mode).toHaveText("Running, +11 min");

  await page.bringToFront();
  await sequence.stepTo(4);
  await sequence.stepTo(5);
  await expect(sequence.panel).toContainText("reason code token_expired");
  await expect(sequence.checks().filter({ hasText: "Not expired" })).toContainText("token_expired");

  // Opened again, the page keeps the workspace's clock (a plain link leaves it alone) and says so, in its link too.
  await sequence.goto();
  await expect(page.getByTestId("clock-badge")).toContainText("Clock +11 min");
  await expect(page).toHaveURL(/[?&]offset=660(&|$)/);
  // Whoever opens that link gets the same clock in their own workspace.
  const other = await participant(browser);
  await other.world.page.goto(page.url());
  await expect(other.world.page.getByTestId("clock-badge")).toContainText("Clock +11 min");
  await other.world.goto();
  await expect(other.world.mode).toHaveText("Running, +11 min");
  await other.context.close();
});

test("Dialogporten's clock past the provider's leeway fails step 5 with token_not_yet_valid; within the leeway it passes", async ({
  page,
  sequence,
  world,
}) => {
  await world.goto();
  await world.setSkew({ dp: 120 });
  await expect(world.prediction).toContainText("refused with token_not_yet_valid, 1 min 50 s beyond the leeway of 10 s");
  await sequence.goto();
  await expect(page.getByTestId("clock-badge")).toContainText("skew DP +2 min");
  await runToStep5(sequence);
  await expect(sequence.panel).toContainText("reason code token_not_yet_valid");

  await world.goto();
  await world.setSkew({ dp: 5 });
  await expect(world.prediction).toContainText("step 5 accepted, within the provider's leeway of 10 s");
  await sequence.goto();
  await runToStep5(sequence);
  await expect(sequence.panel).toContainText("Accepted");
});

test("a hurried rotation: the provider's fresh cache meets an unknown kid, refetches the JWKS once, and accepts", async ({ page, sequence, world, wire }) => {
  await sequence.goto();
  await runToStep5(sequence);
  await expect(sequence.panel).toContainText("nothing was cached yet");

  await world.goto();
  const [primary, secondary] = await world.kids();
  await expect(world.cache).toContainText(primary!);
  await expect(world.cache).toContainText(secondary!);
  const fresh = await world.publish();
  // The 48 h rule holds the new key back, and the page says why; the verdict reads the provider's real cache.
  await expect(world.promoteButton(fresh)).toHaveAttribute("aria-disabled", "true");
  await expect(world.key(fresh)).toContainText(/Ready to promote in 4[78] h/);
  await expect(world.verdict(fresh)).toHaveText("✓ refetch, then accepted");
  await world.promote(fresh, true);

  await sequence.goto();
  await runToStep5(sequence);
  await expect(sequence.panel).toContainText("Accepted");
  await expect(sequence.panel).toContainText("the token's kid was not among the cached keys");
  await expect(page.getByRole("list", { name: "Exchanges in order" })).toContainText("unknown kid: JWKS again");
  // On the wire: the new token names the new key, and the provider fetched the JWKS alone (no metadata) once.
  const step5 = (await wire.to(/\/service-provider\/ws\/.*\/fce\//)).at(-1)!;
  expect(step5.status).toBe(200);
  expect((step5.trace?.notes as GateNotes).keyFetch).toBe("unknown_kid");
  expect(step5.trace?.exchanges.map((e) => e.label)).toEqual(["Fetch JWKS"]);
  const header = JSON.parse(Buffer.from((await wire.lastDialog()).token.split(".")[0]!, "base64url").toString()) as { kid: string };
  expect(header.kid).toBe(fresh);
});

test("a token signed by a key retired after step 3 is refused kid_unknown once the provider's cache is flushed", async ({ page, context, sequence }) => {
  await sequence.goto();
  for (const step of [0, 1, 2, 3]) await sequence.stepTo(step);
  const world = new WorldPage(await context.newPage());
  await world.goto();
  const id = await world.workspace();
  const [old] = await world.kids();

  // The rotation is set up through the API (what is under test is step 5 and the verdict), then read by the page.
  const keys = `/sandbox/api/v1/workspaces/${id}/keys`;
  const fresh = ((await (await context.request.post(keys)).json()) as { keys: { kid: string }[] }).keys[2]!.kid;
  expect((await context.request.post(`${keys}/${fresh}/promote?early=true`)).status()).toBe(200);
  expect((await context.request.post(`${keys}/${old}/retire`)).status()).toBe(200);
  expect((await context.request.delete(`/service-provider/ws/${id}/sandbox/jwks-cache`)).status()).toBe(204);
  await world.goto();
  await expect(world.key(old!)).toContainText("Retired");
  await expect(world.verdict(old!)).toHaveText("✗ refused kid_unknown");

  await page.bringToFront();
  await sequence.stepTo(4);
  await sequence.stepTo(5);
  await expect(sequence.panel).toContainText("reason code kid_unknown");
});

test("two participants' clocks and keys do not touch each other", async ({ browser, request }) => {
  const anna = await participant(browser);
  const bo = await participant(browser);
  await anna.world.goto();
  await bo.world.goto();
  const [annaId, boId] = [await anna.world.workspace(), await bo.world.workspace()];
  expect(annaId).not.toBe(boId);

  await anna.world.jump("+1 h");
  const annasKey = await anna.world.publish();
  await bo.world.setSkew({ sp: -30 });

  await bo.world.goto();
  await expect(bo.world.mode).toHaveText("Real clock");
  expect(await bo.world.kids()).not.toContain(annasKey);
  await anna.world.goto();
  await expect(anna.world.mode).toHaveText("Running, +1 h");
  await expect(anna.world.skew.getByLabel("Service provider, seconds")).toHaveValue("0");

  // The workspace API says the same, each workspace its own.
  const described = async (id: string) => (await (await request.get(`/sandbox/api/v1/workspaces/${id}`)).json()) as { clock: unknown; changed: string[] };
  expect(await described(annaId)).toMatchObject({ clock: { offsetSeconds: 3600 }, changed: ["keys"] });
  expect(await described(boId)).toMatchObject({ clock: { skewSeconds: { "service-provider": -30 } }, changed: [] });

  // And the runs: Bo's provider runs 30 s behind (past the 10 s leeway), Anna's an hour ahead with Dialogporten alike.
  await anna.sequence.goto();
  await runToStep5(anna.sequence);
  await expect(anna.sequence.panel).toContainText("Accepted");
  await bo.sequence.goto();
  await runToStep5(bo.sequence);
  await expect(bo.sequence.panel).toContainText("reason code token_not_yet_valid");
  await anna.context.close();
  await bo.context.close();
});
