import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// No English reaches the Norwegian UI unmarked: every visible text and accessible name outside code and outside
// elements marked lang="en" is looked at for English function words, which Norwegian does not use.
const ENGLISH = /\b(the|with|and|from|which|this|that|when|was|were|been|has|have|not|only|your|into|before|after|sign in|load)\b/i;

async function englishIn(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate((source) => {
    const english = new RegExp(source, "i");
    const exempt = (el: Element | null) =>
      !el || !!el.closest("code, pre, kbd, samp, script, style, [translate=no]") || el.closest("[lang]")?.getAttribute("lang")?.startsWith("en");
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? "";
      if (text && !exempt(el) && el!.checkVisibility() && english.test(text)) out.push(text.slice(0, 120));
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (exempt(el)) continue;
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value && english.test(value)) out.push(`${name}: ${value.slice(0, 120)}`);
      }
    }
    return [...new Set(out)];
  }, ENGLISH.source);
  return found.map((s) => `${where}: ${s}`);
}

/** Runs the sequence page to its end and looks at every step's exchange and every tab, with every details open. */
async function runAndLook(page: Page, where: string): Promise<string[]> {
  const found = await englishIn(page, `${where}, before the run`);
  await page.getByRole("button", { name: "Kjør alle" }).click();
  await expect(page.getByRole("status", { name: "Fortelling" })).toContainText("Steg 6:", { timeout: 20_000 });
  for (const arrow of await page.getByRole("button", { name: /^Steg \d: / }).all()) {
    await arrow.click();
    for (const tab of ["Utveksling", "Avgjørelse", "Token", "Sjekkliste", "Endringer"]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await page.locator("#detail-tabpanel details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      found.push(...(await englishIn(page, `${where}, ${(await arrow.getAttribute("aria-label")) ?? ""}, ${tab}`)));
    }
  }
  return found;
}

test("the Norwegian sequence page, run to its end for a read and a write, says nothing in unmarked English", async ({ page }) => {
  test.slow();
  await page.goto("/?lang=nb");
  const found = await runAndLook(page, "embed");
  // Siri's fishing licence, "Send søknad": a write, so the Changes tab and the after-write follow-up have content.
  await page.getByLabel("Persona (hvem logger inn)", { exact: true }).selectOption({ label: "Siri Selvbetjent · ID-porten" });
  const action = page.getByLabel("Handling hos tjenestetilbyderen", { exact: true });
  const send = (await action.locator("option").allTextContents()).find((o) => o.includes("Send søknad"));
  await action.selectOption({ label: send! });
  found.push(...(await runAndLook(page, "write")));
  expect([...new Set(found)]).toEqual([]);
});

test("the other Norwegian pages say nothing in unmarked English", async ({ page }) => {
  const found: string[] = [];
  for (const path of ["/workspace", "/workspace/policies", "/catalogue", "/conformance", "/workbench", "/api-reference", "/?presenter=1"]) {
    await page.goto(`${path}${path.includes("?") ? "&" : "?"}lang=nb`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path === "/workspace/policies") await expect(page.getByTestId("policy").first()).toBeVisible();
    if (path === "/workspace") await expect(page.getByRole("region").first()).toBeVisible();
    found.push(...(await englishIn(page, path)));
  }
  await page.goto("/compare?lang=nb");
  await page.getByRole("button", { name: "Kjør begge veier" }).click();
  await expect(page.getByRole("region").last()).toBeVisible();
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  found.push(...(await englishIn(page, "/compare after a run")));
  expect(found).toEqual([]);
});
