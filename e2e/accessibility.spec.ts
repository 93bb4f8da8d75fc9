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

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violations, ${colorScheme} theme, in every view`, async ({ page, sequence }) => {
    await page.emulateMedia({ colorScheme });
    await sequence.goto();
    const found = await seriousViolations(page, "before the run");

    await sequence.runAll.click();
    await sequence.expectStep(6);
    for (const tab of ["Exchange", "Decision", "Token", "Checklist"] as ViewTab[]) {
      await sequence.openTab(tab);
      await page.locator("#detail-tabpanel details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // The whole page once after the run; then only the panel whose content changes with the tab.
      found.push(...(await seriousViolations(page, `after the run, ${tab} tab`, tab === "Exchange" ? undefined : "#detail-panel")));
    }
    expect(found).toEqual([]);
  });
}

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
