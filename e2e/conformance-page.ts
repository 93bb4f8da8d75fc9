import { expect, type Locator, type Page } from "@playwright/test";

/** The conformance page (/conformance) as a user sees it: found by role and accessible name only. */
export class ConformancePage {
  readonly target: Locator;
  readonly action: Locator;
  readonly method: Locator;
  readonly dialog: Locator;
  readonly run: Locator;
  readonly report: Locator;
  readonly requests: Locator;

  constructor(readonly page: Page) {
    this.target = page.getByLabel("Endpoint (with {dialogId})");
    this.action = page.getByLabel("Action it requires");
    this.method = page.getByLabel("Method");
    this.dialog = page.getByLabel("Dialog id");
    this.run = page.getByRole("button", { name: /Run conformance|Running/ });
    this.report = page.getByTestId("conformance-report");
    this.requests = page.getByRole("list", { name: "Requests sent, in order" });
  }

  async goto() {
    await this.page.goto("/conformance");
    await expect(this.page.getByRole("heading", { level: 1, name: /conformance/ })).toBeVisible();
  }

  route(name: "relay" | "direct"): Locator {
    return this.page.getByRole("radio", { name: name === "relay" ? /Through the sandbox/ : /Directly from this browser/ });
  }

  /** Runs with the form as it is and waits for the report. */
  async runAndWait() {
    await this.run.click();
    await expect(this.report).toBeVisible({ timeout: 60_000 });
  }

  finding(id: string): Locator {
    return this.report.locator(`[data-finding="${id}"]`);
  }
}
