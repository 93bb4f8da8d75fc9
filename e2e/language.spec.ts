import { expect, test } from "./fixtures";

// Two languages: chosen from Accept-Language, switchable, kept in the link and remembered (components/i18n).

test.describe("the UI language", () => {
  test("follows Accept-Language, switches with the language links, and the choice stays for the next page", async ({ browser }) => {
    test.slow();
    const context = await browser.newContext({ locale: "nb-NO", reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto("/compare");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("navigation", { name: "Sider" }).getByRole("link", { name: "Sekvensen live" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Kjør begge veier" })).toBeVisible();

    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Run both paths" })).toBeVisible();
    // The Norwegian link names itself in Norwegian, marked so a screen reader says it right.
    await expect(page.getByRole("link", { name: "Norsk" })).toHaveAttribute("lang", "nb");

    // A page opened without ?lang= keeps the reader's choice (a cookie), not the browser's Norwegian.
    await page.goto("/conformance");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Your provider" })).toBeVisible();
    await context.close();
  });

  test("the sequence page keeps lang in its link while the run moves on, and Norwegian content is marked nb in the English UI", async ({ page }) => {
    test.slow();
    await page.goto("/?lang=nb");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await page.getByRole("button", { name: /Neste steg/ }).click();
    await expect(page).toHaveURL(/step=0/);
    await expect(page).toHaveURL(/[?&]lang=nb(&|$)/);

    await page.goto("/?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The seed's dialog titles are Norwegian: inside the English form they carry lang="nb".
    await expect(page.locator('option[lang="nb"], [lang="nb"]').first()).toBeAttached();
  });
});
