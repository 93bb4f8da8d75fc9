import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";

// The flows run in every e2e run, but the pictures land in docs/screenshots/ (tracked, shown in the
// README) only for `npm run screenshots`, which sets SCREENSHOTS=1; otherwise in test-results/.
const out = (name: string) =>
  process.env.SCREENSHOTS === "1" ? fileURLToPath(new URL(`../docs/screenshots/${name}`, import.meta.url)) : test.info().outputPath(name);

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
