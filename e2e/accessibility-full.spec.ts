import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ROOM_SIZES } from "./support/sizes";
import { axeViolations } from "./support/axe";

// The states reached by running, for `npm run test:axe-full` only (AXE_FULL=1; playwright.config.ts leaves this file
// out otherwise): each at every size the room uses, in both themes and both languages, with no violation at all.
// accessibility.spec.ts sweeps the pages at rest; CI scans these states pairwise (one theme and language each).

const SIZES = ROOM_SIZES;

const TABS = { en: ["Exchange", "Decision", "Token", "Checklist", "Changes"], nb: ["Utveksling", "Avgjørelse", "Token", "Sjekkliste", "Endringer"] };

/** Scans what is on screen at every size in both themes, switched in place as a reader's window or system would. */
async function everySizeAndTheme(page: Page, where: string, include?: string) {
  const found = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      found.push(...(await axeViolations(page, `${where} ${size.width}×${size.height} ${colorScheme}`, include)));
    }
  }
  return found;
}

/** Every detail tab with its details open: the whole page on the first, then the panel whose content the tab changes. */
async function everyTab(page: Page, lang: "en" | "nb", where: string) {
  const found = [];
  for (const [i, tab] of TABS[lang].entries()) {
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await page.locator("#detail-tabpanel details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    found.push(...(await everySizeAndTheme(page, `${where}, ${tab} tab`, i === 0 ? undefined : "#detail-panel")));
  }
  return found;
}

async function runToEnd(page: Page, lang: "en" | "nb") {
  await page.getByRole("button", { name: lang === "en" ? "Run all" : "Kjør alle" }).click();
  await expect(page.getByRole("status", { name: lang === "en" ? "Narration" : "Fortelling" })).toContainText(lang === "en" ? "Step 6:" : "Steg 6:", {
    timeout: 30_000,
  });
}

for (const lang of ["en", "nb"] as const) {
  test(`axe finds nothing after a run, in every tab, at every size in both themes (${lang})`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto(`/?lang=${lang}`);
    await runToEnd(page, lang);
    expect(await everyTab(page, lang, `a read, ${lang}`)).toEqual([]);
  });

  test(`axe finds nothing after a write, in every tab, at every size in both themes (${lang})`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto(`/?lang=${lang}`);
    // Siri's fishing licence, "Send søknad": a write, so the Changes tab shows the dialog before and after.
    await page.locator("select#persona").selectOption({ label: "Siri Selvbetjent · ID-porten" });
    const send = (await page.locator("select#action option").allTextContents()).find((o) => o.includes("Send søknad"));
    await page.locator("select#action").selectOption({ label: send! });
    await runToEnd(page, lang);
    expect(await everyTab(page, lang, `a write, ${lang}`)).toEqual([]);
  });

  test(`axe finds nothing in the presenter view mid-run and with its key help open, at every size in both themes (${lang})`, async ({ page, presenter }) => {
    test.setTimeout(300_000);
    await presenter.open(`lang=${lang}&step=4`);
    const found = await everySizeAndTheme(page, `presenter at step 4, ${lang}`);
    await presenter.keysButton.click();
    await expect(presenter.help).toBeVisible();
    found.push(...(await everySizeAndTheme(page, `presenter key help, ${lang}`)));
    expect(found).toEqual([]);
  });

  test(`axe finds nothing on a catalogue entry refused at step 5, in every tab, at every size in both themes (${lang})`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto(`/?entry=expired-token&lang=${lang}`);
    await expect(page.getByRole("status", { name: lang === "en" ? "Narration" : "Fortelling" })).toContainText(lang === "en" ? "Step 6:" : "Steg 6:", {
      timeout: 30_000,
    });
    expect(await everyTab(page, lang, `catalogue entry expired-token, ${lang}`)).toEqual([]);
  });
}
