import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TT02_JWKS, TT02_TOKEN } from "../lib/service-provider/fixtures/tt02-token";
import { expect, test } from "./fixtures";
import { PolicyPage, RESOURCE_TITLE } from "./policy-page";

// Runs only for `npm run screenshots` (playwright.config.ts ignores it otherwise), which writes the pictures to
// docs/screenshots/ (tracked, shown in the README); SCREENSHOTS_DIR sends them to a folder of one's own instead,
// to look at them without touching tracked files.
const out = (name: string) =>
  process.env.SCREENSHOTS_DIR ? join(process.env.SCREENSHOTS_DIR, name) : fileURLToPath(new URL(`../docs/screenshots/${name}`, import.meta.url));

test.use({ viewport: { width: 1280, height: 720 } });

// The README shows docs/screenshots/sequence-light.png; the rest document the other theme and a refusal.
test("screenshots of the sequence page mid-run, light and dark", async ({ page, sequence }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await sequence.goto();
  for (const step of [0, 1, 2, 3]) await sequence.stepTo(step);
  await expect(sequence.panel.getByRole("figure", { name: "Decoded payload" })).toBeVisible();
  await page.screenshot({ path: out("sequence-light.png") });

  await page.emulateMedia({ colorScheme: "dark" });
  await sequence.reset.click();
  for (const step of [0, 1, 2]) await sequence.stepTo(step);
  await expect(sequence.decisionsTable()).toContainText("Permit");
  await page.screenshot({ path: out("sequence-dark.png") });
});

test("screenshot of a refusal at step 5, dark", async ({ page, sequence }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await sequence.goto();
  await sequence.chooseScenario({ persona: "Regnskapssystem (system user) · Maskinporten", dialog: /^MVA-melding/, action: /“Signer”/ });
  await sequence.runAll.click();
  await sequence.expectStep(6);
  await sequence.back.click();
  await sequence.expectStep(5);
  await expect(sequence.panel).toContainText("Refused");
  await page.screenshot({ path: out("sequence-refused-dark.png") });
});

test("screenshot of a rendered front-channel embed at step 6, light", async ({ page, sequence }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await sequence.goto();
  await sequence.chooseScenario({
    persona: "Ola Nordmann · ID-porten",
    party: "Sandbox Bakeri AS",
    dialog: /^MVA-melding/,
    action: "Front-channel embed · GET · read",
  });
  await sequence.runAll.click();
  await sequence.expectStep(6);
  await expect(sequence.renderedEmbed()).toBeVisible();
  await page.screenshot({ path: out("embed-rendered-light.png") });
});

test("screenshot of the legacy comparison, dark", async ({ page, compare }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await compare.goto();
  await compare.run(20);
  // The form, the result table and the start of both answers: taller than the viewport, so a clip of the full page.
  await page.screenshot({ path: out("compare-dark.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1000 } });
});

test("screenshots of the presenter view at 1280×720 and 1920×1080, and in Norwegian", async ({ page, presenter }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "dark" });
  await presenter.open();
  for (const step of [0, 1, 2, 3]) await presenter.stepTo(step);
  await page.screenshot({ path: out("presenter-1280-dark.png") });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: "light" });
  await presenter.open("lang=nb");
  // Keys, as a clicker sends them; the step label is Norwegian here.
  for (const step of [0, 1, 2, 3, 4, 5]) {
    await page.keyboard.press("PageDown");
    await expect(page.getByText(`steg ${step} av 6`).first()).toBeVisible();
  }
  await page.screenshot({ path: out("presenter-1920-nb-light.png") });
});

test("screenshot of the token workbench with the real tt02 token, expired now", async ({ page, workbench }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "light" });
  await workbench.goto();
  await workbench.paste(TT02_TOKEN);
  await workbench.pasteJwks(TT02_JWKS);
  await workbench.expectRefused("token_expired");
  // The checks are what the page is for: the picture starts at them (the form above them is in the first screen).
  const top = (await workbench.checks.boundingBox())!.y + (await page.evaluate(() => window.scrollY));
  await page.screenshot({ path: out("workbench-tt02-light.png"), fullPage: true, clip: { x: 0, y: Math.max(0, top - 16), width: 1280, height: 1000 } });
});

test("screenshot of the token workbench in Norwegian: a fresh sandbox token edited to another dialog, refused", async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/workbench?lang=nb");
  await page.getByRole("button", { name: "Et nytt token fra sandkassen" }).click();
  const checks = page.getByRole("region", { name: "3. Tjenestetilbyderens kontroller (steg 5)" });
  await expect(checks.getByRole("status")).toContainText("Gyldig");
  await page.getByLabel(/^Dialogen i URL-en/).fill("019ad0c2-0000-7a3b-9c4d-2e5f6a7b8c01");
  await expect(checks.getByRole("status")).toContainText("dialog_mismatch");
  const top = (await checks.boundingBox())!.y + (await page.evaluate(() => window.scrollY));
  await page.screenshot({ path: out("workbench-nb-dark.png"), fullPage: true, clip: { x: 0, y: Math.max(0, top - 16), width: 1280, height: 1500 } });
});

test("screenshot of the policy editor with an edit saved, light", async ({ page }) => {
  const policies = new PolicyPage(page);
  await page.emulateMedia({ colorScheme: "light" });
  await policies.goto();
  await policies.level(RESOURCE_TITLE.taxReturn).selectOption("4");
  await policies.edit(policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-1"), { actions: { write: false } });
  await policies.saveAndWait();
  await page.screenshot({ path: out("policy-editor-light.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1100 } });
});

test("screenshots of the Norwegian UI: a catalogue entry in the sequence view, and the phone size", async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/?entry=alg-none&lang=nb");
  await expect(page.getByTestId("catalogue-verdict")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: out("catalogue-entry-nb-light.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/?lang=nb");
  await expect(page.getByRole("button", { name: /Neste steg/ })).toHaveAttribute("aria-disabled", "false");
  await page.getByRole("button", { name: /Neste steg/ }).click();
  await expect(page).toHaveURL(/step=0/);
  await page.screenshot({ path: out("phone-nb-dark.png"), fullPage: true });
});

test("screenshots of /workspace: the clock with a skew past the leeway, and the key timeline mid-rotation, light", async ({ page, sequence, world }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "light" });
  // One run first, so the provider's key cache holds something to show.
  await sequence.goto();
  await sequence.runAll.click();
  await sequence.expectStep(6);
  await world.goto();
  await world.setSkew({ dp: 120 });
  await world.jump("+11 min");
  const fresh = await world.publish();
  await expect(world.verdict(fresh)).toContainText("refetch, then accepted");
  await world.clock.locator("xpath=..").screenshot({ path: out("workspace-clock-light.png") });
  await world.keys.screenshot({ path: out("workspace-keys-light.png") });
});
