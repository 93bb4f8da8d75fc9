import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ROOM_SIZES } from "./support/sizes";
import { axeViolations } from "./support/axe";
import type { ViewTab } from "./sequence-page";

// Every page the sweeps cover: one entry a line (kept so by prettier-ignore), so a new page is a one-line change.
// prettier-ignore
const PAGES = [
  "/",
  "/compare",
  "/catalogue",
  "/conformance",
  "/api-reference",
  "/workbench",
  "/workspace",
  "/workspace/policies",
];

const SIZES = ROOM_SIZES;

const withLang = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

/** Loads a page in a language and waits until it is drawn: its heading, and the workspace pages' panels once their data is in. */
async function open(page: Page, path: string, lang: string) {
  await page.goto(withLang(path, lang));
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The policy editor fills in once the workspace's policies have arrived: scan the editor, not its loading line.
  if (path === "/workspace/policies") await expect(page.getByTestId("policy").first()).toBeVisible();
  // /workspace draws its panels once the workspace's clock, keys and cache have been read: scan those, not the loading line.
  if (path === "/workspace") await expect(page.getByRole("region").first()).toBeVisible();
}

if (process.env.AXE_FULL === "1") {
  // The full product (`npm run test:axe-full`, on a quiet machine before a release): every page, the presenter view
  // included, at every size, in both themes and both languages, with zero violations. A language is a new page
  // load (the server renders the texts); a size and a theme are switched in place, as a reader's window or system
  // setting would, so each page loads twice for its sixteen scans.
  for (const path of [...PAGES, "/?presenter=1"]) {
    for (const lang of ["en", "nb"]) {
      test(`axe finds nothing on ${path} in ${lang}, at every size in both themes`, async ({ page }) => {
        // Eight full scans; /api-reference is a long page that takes axe ~25 s a scan on two busy cores.
        test.setTimeout(path === "/api-reference" ? 600_000 : 240_000);
        await page.setViewportSize(SIZES[0]);
        await open(page, path, lang);
        const found = [];
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const colorScheme of ["light", "dark"] as const) {
            await page.emulateMedia({ colorScheme });
            found.push(...(await axeViolations(page, `${path} ${size.width}×${size.height} ${colorScheme} ${lang}`)));
          }
        }
        expect(found).toEqual([]);
      });
    }
  }
} else {
  // CI's sweep is pairwise, because the full product does not fit CI's 15-minute budget for the whole e2e run:
  // it is 16 scans a page (four sizes × two themes × two languages), some 100 scans at 3–25 s each on two busy
  // cores. Here / is scanned at every size and the other pages at the phone and the laptop, and the four scans
  // of / (the two of every other page) cover each theme × language pair once; presenter.spec.ts does the same
  // for the presenter view at its two sizes. The full product runs with AXE_FULL=1 (`npm run test:axe-full`).
  const PAIRWISE = [
    { ...SIZES[0], colorScheme: "light", lang: "en" },
    { ...SIZES[1], colorScheme: "dark", lang: "nb" },
    { ...SIZES[2], colorScheme: "dark", lang: "en" },
    { ...SIZES[3], colorScheme: "light", lang: "nb" },
  ] as const;
  for (const path of PAGES) {
    const sweep = path === "/" ? PAIRWISE : PAIRWISE.slice(0, 2);
    test(`axe finds nothing on ${path} at ${sweep.map((s) => s.width).join(", ")}, in both themes and both languages`, async ({ page }) => {
      // Four full scans; /api-reference is a long page that takes axe ~25 s a scan on two busy cores.
      test.setTimeout(path === "/api-reference" ? 300_000 : 120_000);
      const found = [];
      for (const { width, height, colorScheme, lang } of sweep) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height });
        await open(page, path, lang);
        found.push(...(await axeViolations(page, `${path} ${width}×${height} ${colorScheme} ${lang}`)));
      }
      expect(found).toEqual([]);
    });
  }
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no axe violations, ${colorScheme} theme, in every view`, async ({ page, sequence }) => {
    // Six full axe scans: seconds each on a busy two-core machine, so this test gets three times the budget.
    test.slow();
    await page.emulateMedia({ colorScheme });
    await sequence.goto();
    const found = await axeViolations(page, "before the run");

    await sequence.runAll.click();
    await sequence.expectStep(6);
    for (const tab of ["Exchange", "Decision", "Token", "Checklist", "Changes"] as ViewTab[]) {
      await sequence.openTab(tab);
      await page.locator("#detail-tabpanel details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // The whole page once after the run; then only the panel whose content changes with the tab.
      found.push(...(await axeViolations(page, `after the run, ${tab} tab`, tab === "Exchange" ? undefined : "#detail-panel")));
    }
    expect(found).toEqual([]);
  });
}

// The states reached by running (a write's Changes tab, /compare's result, a conformance report) each in one theme,
// the themes alternating: their pages are swept in both themes above, and the CI budget is 15 minutes.
test(`no axe violations, dark theme: a write action's Changes tab`, async ({ page, sequence }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await sequence.goto();
  // Siri's fishing licence: "Send søknad" works in any state (cross-origin-api.spec.ts submits it too).
  await sequence.chooseScenario({ persona: "Siri Selvbetjent · ID-porten", action: /“Send søknad”/ });
  await sequence.runAll.click();
  await expect(sequence.dialogBeforeAfter()).toBeVisible();
  expect(await axeViolations(page, "Changes tab after a write", "#detail-panel")).toEqual([]);
});

test(`no axe violations, light theme: the legacy comparison`, async ({ page, compare }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await compare.goto(); // the page before a run is in the sweep above
  await compare.run();
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  expect(await axeViolations(page, "/compare after a run")).toEqual([]);
});

test(`no axe violations, dark theme: /conformance with a report`, async ({ page, conformance }) => {
  test.setTimeout(90_000); // thirty requests, then axe twice
  await page.emulateMedia({ colorScheme: "dark" });
  await conformance.goto(); // the page before a run is in the sweep above
  await conformance.runAndWait();
  expect(await axeViolations(page, "/conformance after a run")).toEqual([]);
});

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
