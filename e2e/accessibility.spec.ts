import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { ViewTab } from "./sequence-page";

async function seriousViolations(page: Page, where: string, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ where, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

/** Every violation axe finds, whatever its impact: the per-page sweep below allows none at all. */
async function allViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return violations.map((v) => ({ where, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

// Every page at every size the room uses — a phone, a laptop, a projector at 150 % zoom, a 1080p projector —
// with zero violations. Each size is scanned once per page, and the four scans cover every theme × language
// pair once (a pairwise design): a full product would be 16 scans a page and half the CI budget.
const FULL_SWEEP = [
  { width: 390, height: 844, colorScheme: "light", lang: "en" },
  { width: 1024, height: 768, colorScheme: "dark", lang: "nb" },
  { width: 1280, height: 720, colorScheme: "dark", lang: "en" },
  { width: 1920, height: 1080, colorScheme: "light", lang: "nb" },
] as const;
// The other pages: the phone and the projector, each theme and language once (the CI budget is 15 minutes).
const SHORT_SWEEP = [FULL_SWEEP[0], FULL_SWEEP[1]] as const;

for (const path of ["/", "/compare", "/catalogue", "/conformance", "/api-reference", "/workbench", "/workspace"]) {
  test(`axe finds nothing on ${path} at ${path === "/" ? "390, 1024, 1280×720 and 1920×1080" : "390 and 1024"}, in both themes and both languages`, async ({
    page,
  }) => {
    // Four full scans; /api-reference is a long page that takes axe ~25 s a scan on two busy cores.
    test.setTimeout(path === "/api-reference" ? 300_000 : 120_000);
    const found = [];
    for (const { width, height, colorScheme, lang } of path === "/" ? FULL_SWEEP : SHORT_SWEEP) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      await page.goto(`${path}?lang=${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // /workspace draws its panels once the workspace's clock, keys and cache have been read: scan those, not the loading line.
      if (path === "/workspace") await expect(page.getByRole("region").first()).toBeVisible();
      found.push(...(await allViolations(page, `${path} ${width}×${height} ${colorScheme} ${lang}`)));
    }
    expect(found).toEqual([]);
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violations, ${colorScheme} theme, in every view`, async ({ page, sequence }) => {
    // Six full axe scans: seconds each on a busy two-core machine, so this test gets three times the budget.
    test.slow();
    await page.emulateMedia({ colorScheme });
    await sequence.goto();
    const found = await seriousViolations(page, "before the run");

    await sequence.runAll.click();
    await sequence.expectStep(6);
    for (const tab of ["Exchange", "Decision", "Token", "Checklist", "Changes"] as ViewTab[]) {
      await sequence.openTab(tab);
      await page.locator("#detail-tabpanel details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // The whole page once after the run; then only the panel whose content changes with the tab.
      found.push(...(await seriousViolations(page, `after the run, ${tab} tab`, tab === "Exchange" ? undefined : "#detail-panel")));
    }
    expect(found).toEqual([]);
  });

  test(`no serious or critical axe violations, ${colorScheme} theme: a write action's Changes tab`, async ({ page, sequence }) => {
    await page.emulateMedia({ colorScheme });
    await sequence.goto();
    // Siri's fishing licence: "Send søknad" works in any state (cross-origin-api.spec.ts submits it too).
    await sequence.chooseScenario({ persona: "Siri Selvbetjent · ID-porten", action: /“Send søknad”/ });
    await sequence.runAll.click();
    await expect(sequence.dialogBeforeAfter()).toBeVisible();
    expect(await seriousViolations(page, "Changes tab after a write", "#detail-panel")).toEqual([]);
  });

  test(`no serious or critical axe violations, ${colorScheme} theme: the legacy comparison`, async ({ page, compare }) => {
    await page.emulateMedia({ colorScheme });
    await compare.goto();
    const found = await seriousViolations(page, "/compare before a run");
    await compare.run();
    await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    found.push(...(await seriousViolations(page, "/compare after a run")));
    expect(found).toEqual([]);
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violations, ${colorScheme} theme: /conformance with a report`, async ({ page, conformance }) => {
    test.setTimeout(90_000); // thirty requests, then axe twice
    await page.emulateMedia({ colorScheme });
    await conformance.goto();
    const found = await seriousViolations(page, "/conformance before a run");
    await conformance.runAndWait();
    found.push(...(await seriousViolations(page, "/conformance after a run")));
    expect(found).toEqual([]);
  });
}

test("keyboard only on /conformance: the form in order, Enter runs it, visible focus", async ({ page, conformance }) => {
  await conformance.goto();
  await conformance.target.focus();
  for (const next of [conformance.action, conformance.method, conformance.dialog, conformance.route("relay")]) {
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }
  await page.keyboard.press("ArrowRight");
  await expect(conformance.route("direct")).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Tab");
  await expect(conformance.run).toBeFocused();
  expect(await conformance.run.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(conformance.report).toBeVisible({ timeout: 60_000 });
});

test("keyboard only: controls, arrow keys, tabs, visible focus", async ({ page, sequence }) => {
  await sequence.goto();
  await sequence.nextStep.focus();
  await page.keyboard.press("Enter");
  await sequence.expectStep(0);
  const outline = await sequence.nextStep.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("ArrowRight");
  await sequence.expectStep(1);
  await page.keyboard.press("ArrowLeft");
  await sequence.expectStep(0);
  // The tabs follow the ARIA tabs pattern: arrow keys move between them.
  await sequence.tab("Exchange").focus();
  await page.keyboard.press("ArrowRight");
  await expect(sequence.tab("Decision")).toBeFocused();
  await expect(sequence.tab("Decision")).toHaveAttribute("aria-selected", "true");
  // Diagram arrows are buttons reachable with Tab and opened with Enter.
  await sequence.arrow(0, "ID-porten / Maskinporten").focus();
  await page.keyboard.press("Enter");
  await expect(sequence.tab("Exchange")).toHaveAttribute("aria-selected", "true");
});

test("keyboard only on /compare: the page links, the form, Enter runs both paths, visible focus", async ({ page, compare }) => {
  await compare.goto();
  // The page links come first, with the current page marked.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Live sequence" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Token vs legacy" })).toHaveAttribute("aria-current", "page");
  // Emptied and typed again, the field shows what was typed ("150", not "0150").
  await compare.latency.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("150");
  await expect(compare.latency).toHaveValue("150");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("20");
  await page.keyboard.press("Enter");
  await expect(compare.status).toContainText("Done:");
  await expect(compare.table).toContainText("20 ms away");
  await expect(compare.latency).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(compare.runBoth).toBeFocused();
  expect(await compare.runBoth.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
});
