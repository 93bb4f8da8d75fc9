import { expect, type Locator, type Page } from "@playwright/test";
import type { ScenarioChoice } from "./sequence-page";
import { chooseScenario } from "./sequence-page";

/** The legacy comparison (/compare) as a user sees it: found by role and accessible name only. */
export class ComparePage {
  readonly latency: Locator;
  readonly runBoth: Locator;
  readonly status: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.latency = page.getByLabel("Network latency to Altinn Authorization (ms)");
    this.runBoth = page.getByRole("button", { name: "Run both paths" });
    // The result's own live region (the workspace bar has one too).
    this.status = page.getByRole("region", { name: "Steps 4–6, both ways" }).getByRole("status");
    this.table = page.getByRole("table", { name: /^Steps 4–6 of/ });
  }

  async goto() {
    await this.page.goto("/compare");
    await expect(this.page.getByRole("heading", { level: 1, name: /the claim, measured/ })).toBeVisible();
    await expect(this.runBoth).not.toHaveAttribute("aria-disabled", "true");
  }

  async chooseScenario(choice: ScenarioChoice) {
    await chooseScenario(this.page, choice);
  }

  /** Runs both paths and waits for the result table. */
  async run(latencyMs?: number) {
    if (latencyMs !== undefined) await this.latency.fill(String(latencyMs));
    await this.runBoth.click();
    await expect(this.status).toContainText("Done:");
    await expect(this.table).toBeVisible();
  }

  /** The cells of one measured row: [with the dialog token, legacy]. */
  cells(measure: string | RegExp): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: measure }) })
      .getByRole("cell");
  }

  path(title: "With the dialog token" | "Legacy: no dialog token"): Locator {
    return this.page.getByRole("region", { name: title });
  }
}
