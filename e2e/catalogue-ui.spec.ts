import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CATALOGUE } from "../lib/catalogue/entries";

// The catalogue picker in a real browser: the run goes from the page to Dialogporten and, cross-origin,
// to the service provider; the check that caught the attack is the one marked in the step-5 checklist.
const ENTRIES = [
  { id: "alg-none", title: "alg: none", code: "alg_not_allowed", check: "alg" },
  { id: "payload-byte-changed", title: "One byte of the payload changed", code: "signature_invalid", check: "signature" },
  { id: "token-for-another-dialog", title: "Token for another dialog", code: "dialog_mismatch", check: "i" },
  { id: "bare-delete-4043", title: "delete asked, a has only delete,urn:altinn:task:Task_1", code: "action_not_in_token", check: "a" },
  { id: "issuer-other-environment", title: "Wrong iss: another environment's token", code: "issuer_mismatch", check: "iss" },
] as const;

test.describe("the catalogue picker", () => {
  for (const e of ENTRIES) {
    test(`${e.id}: caught by ${e.code}, check ${e.check} highlighted`, async ({ page }) => {
      await page.goto("/catalogue");
      const picker = page.getByTestId("catalogue-picker");
      await picker.getByLabel("Scenario").selectOption({ label: e.title });
      await picker.getByRole("button", { name: "Run" }).click();
      const result = picker.getByTestId("catalogue-result");
      await expect(result).toHaveAttribute("data-matches", "true");
      await expect(result).toHaveAttribute("data-caught-by", e.code);
      const caught = result.locator('li[aria-current="step"]');
      await expect(caught).toHaveCount(1);
      await expect(caught).toHaveAttribute("data-check", e.check);
      await expect(caught).toContainText(e.code);
      await expect(result).toContainText("Lesson:");
    });
  }

  test("a fault that stops at Dialogporten says so, with no checklist", async ({ page }) => {
    await page.goto("/catalogue");
    const picker = page.getByTestId("catalogue-picker");
    await picker.getByLabel("Scenario").selectOption({ label: "Altinn Authorization down" });
    await picker.getByRole("button", { name: "Run" }).click();
    const result = picker.getByTestId("catalogue-result");
    await expect(result).toHaveAttribute("data-caught-by", "pdp_unreachable");
    await expect(result).toHaveAttribute("data-matches", "true");
    await expect(result).toContainText("Dialogporten issued no token");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`no serious or critical axe violations after a run, ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/catalogue");
      const picker = page.getByTestId("catalogue-picker");
      await picker.getByLabel("Scenario").selectOption({ label: "Expired token" });
      await picker.getByRole("button", { name: "Run" }).click();
      await expect(picker.getByTestId("catalogue-result")).toHaveAttribute("data-caught-by", "token_expired");
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      expect(
        violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })),
      ).toEqual([]);
    });
  }

  test("every entry a browser can run matches the catalogue, faults included (CORS lets sandbox-fault through)", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/catalogue");
    const picker = page.getByTestId("catalogue-picker");
    const run = picker.getByRole("button", { name: "Run" });
    const mismatches: string[] = [];
    for (const e of CATALOGUE.filter((x) => !x.notInBrowser)) {
      await picker.getByLabel("Scenario").selectOption(e.id);
      await run.click();
      const result = picker.getByTestId("catalogue-result");
      await expect(result).toHaveAttribute("data-entry", e.id);
      if ((await result.getAttribute("data-matches")) !== "true") mismatches.push(`${e.id}: ${await result.getAttribute("data-caught-by")}`);
    }
    expect(mismatches).toEqual([]);
  });

  test("the cookie entry cannot run from a browser, and says why", async ({ page }) => {
    await page.goto("/catalogue");
    const picker = page.getByTestId("catalogue-picker");
    await picker.getByLabel("Scenario").selectOption({ label: "Token in a cookie" });
    await expect(picker.getByRole("button", { name: "Run" })).toBeDisabled();
    await expect(picker).toContainText("Not runnable from a browser");
  });
});
