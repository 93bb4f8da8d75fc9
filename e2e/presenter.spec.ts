import { expect, test } from "./fixtures";
import { axeViolations } from "./support/axe";

// Every test here opens the page at least once, replays a link or runs Run all: on a shared, busy machine that takes a while.
test.beforeEach(() => test.slow());

test.describe("presenter keys", () => {
  // Run all must take its time here, so that it can be paused: motion on, and the slow speed.
  test.use({ viewport: { width: 1280, height: 720 }, contextOptions: { reducedMotion: "no-preference" } });

  test("→, PageDown, Space, ←, PageUp, Home and number keys step the run; Space pauses and resumes Run all", async ({ page, presenter, wire }) => {
    await presenter.goto();
    await page.getByLabel("Animation").selectOption("slow");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("p");
    await expect(presenter.speakerNote).toBeVisible();
    await expect(presenter.presenterToggle).toHaveAttribute("aria-pressed", "true");

    await presenter.runAll.click();
    await expect(presenter.pause).toHaveAttribute("aria-disabled", "false");
    // Focus is still on Run all: in the presenter view Space is the run's all the same.
    await page.keyboard.press("Space");
    const at = await presenter.pausedStep();
    expect(at).toBeLessThanOrEqual(3);

    // Next and Back work while paused, one step each, and Run all stays paused.
    await page.keyboard.press("ArrowRight");
    await presenter.expectStep(at + 1);
    await page.keyboard.press("PageDown");
    await presenter.expectStep(at + 2);
    await page.keyboard.press("PageUp");
    await presenter.expectStep(at + 1);
    await expect(presenter.resume).toBeVisible();

    await page.keyboard.press("Space");
    await expect(presenter.pause).toBeVisible();
    // Up to five slow steps to go: wait for the end as long as they may take on a busy machine.
    await expect(presenter.stepLabel).toContainText("step 6 of 6", { timeout: 30_000 });
    await expect(presenter.pause).toHaveAttribute("aria-disabled", "true");

    await page.keyboard.press("ArrowLeft");
    await presenter.expectStep(5);
    await page.keyboard.press("2");
    await presenter.expectStep(2);
    await page.keyboard.press("Home");
    await presenter.expectNotStarted();

    // A number key after a reset runs the real calls up to that step: a new sign-in and a new dialog GET.
    const signIns = (await wire.to(/\/id-porten\/token/)).length;
    const dialogs = (await wire.to(/\/enduser\/dialogs\//)).length;
    await page.keyboard.press("3");
    await presenter.expectStep(3);
    expect((await wire.to(/\/id-porten\/token/)).length).toBe(signIns + 1);
    expect((await wire.to(/\/enduser\/dialogs\//)).length).toBe(dialogs + 1);
    await page.keyboard.press("Space");
    await presenter.expectStep(4);
  });

  test("Back and Next pause a running Run all, from the buttons too", async ({ page, presenter }) => {
    await presenter.goto();
    await page.getByLabel("Animation").selectOption("slow");
    await presenter.runAll.click();
    await expect(presenter.pause).toHaveAttribute("aria-disabled", "false");
    await expect(presenter.nextStep).toHaveAttribute("aria-disabled", "false");
    await presenter.nextStep.click();
    const at = await presenter.pausedStep();
    await presenter.back.click();
    await presenter.expectStep(at - 1);
    await expect(presenter.resume).toBeVisible();
    await presenter.resume.click();
    await expect(presenter.stepLabel).toContainText("step 6 of 6", { timeout: 30_000 });
  });

  test("keys still step after a click into a tab panel, and a select keeps its own keys", async ({ page, sequence }) => {
    await sequence.goto();
    await page.keyboard.press("ArrowRight");
    await sequence.expectStep(0);
    await sequence.panel.click();
    await page.keyboard.press("ArrowRight");
    await sequence.expectStep(1);
    await page.keyboard.press("PageDown");
    await sequence.expectStep(2);
    await sequence.openTab("Decision");
    await sequence.panel.click();
    await page.keyboard.press("ArrowLeft");
    await sequence.expectStep(1);
    // In a select, PageDown picks another option; it does not step. The next step proves it: 1 → 2, not 3.
    await page.getByLabel("Animation").focus();
    await page.keyboard.press("PageDown");
    await sequence.panel.click();
    await page.keyboard.press("ArrowRight");
    await sequence.expectStep(2);
  });
});

test("the link keeps the presenter view (and the language); P leaves it", async ({ page, presenter }) => {
  await presenter.open("lang=nb");
  await expect(page.getByRole("heading", { name: /^Sekvens/ })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { name: /^Sekvens/ })).toContainText("steg 0 av 6");
  await expect(page).toHaveURL(/[?&]presenter=1(&|$)/);
  await expect(page).toHaveURL(/[?&]step=0(&|$)/);
  await expect(page).toHaveURL(/[?&]lang=nb(&|$)/);
  await page.reload();
  await expect(presenter.speakerNote).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Sekvens/ })).toContainText("steg 0 av 6");

  await page.keyboard.press("p");
  await expect(presenter.speakerNote).toBeHidden();
  await expect(page).not.toHaveURL(/presenter=/);
  await presenter.presenterToggle.click();
  await expect(presenter.speakerNote).toBeVisible();
  await expect(page).toHaveURL(/[?&]presenter=1(&|$)/);
});

test("? opens the list of keys as a modal dialog that keeps focus; Esc closes it and focus returns", async ({ page, presenter }) => {
  await presenter.open();
  await presenter.keysButton.focus();
  await page.keyboard.press("?");
  await expect(presenter.help).toBeVisible();
  const close = presenter.help.getByRole("button", { name: "Close" });
  await expect(close).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(close).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(close).toBeFocused();
  await expect(presenter.help.getByRole("row", { name: /PageDown/ }).first()).toBeVisible();
  // While it is open, the run's keys do nothing.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Escape");
  await expect(presenter.help).toBeHidden();
  await expect(presenter.keysButton).toBeFocused();
  await presenter.expectNotStarted();

  await presenter.keysButton.click();
  await expect(presenter.help).toBeVisible();
  await close.click();
  await expect(presenter.help).toBeHidden();
});

// Each size once, the two together covering both themes and both languages (pairwise, for the CI budget; the
// full product, presenter included, is `npm run test:axe-full`).
for (const [width, height, pairs] of [
  [1280, 720, [["dark", "nb"]]],
  [1920, 1080, [["light", "en"]]],
] as const) {
  for (const [colorScheme, lang] of pairs) {
    {
      test(`the presenter view at ${width}×${height}, ${colorScheme}, ${lang}: fits without scrolling, axe-clean`, async ({ page, presenter }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await presenter.open(`lang=${lang}&step=4`);
        await expect(page.getByRole("heading", { name: /^(Sequence|Sekvens)/ })).toContainText(lang === "en" ? "step 4 of 6" : "steg 4 av 6");
        expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([width, height]);
        await presenter.scenarioSummary.click();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
}
