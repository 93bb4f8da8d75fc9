import { expect, type Locator, type Page } from "@playwright/test";

/** The catalogue: its index (/catalogue) and an entry played in the sequence view (/?entry=<id>), found by role, name and test id. */
export class CataloguePage {
  readonly index: Locator;
  readonly search: Locator;
  readonly entry: Locator;
  readonly verdict: Locator;
  readonly lesson: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.index = page.getByTestId("catalogue-index");
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.entry = page.getByTestId("catalogue-entry");
    this.verdict = page.getByTestId("catalogue-verdict");
    this.lesson = page.getByTestId("catalogue-lesson");
    this.panel = page.getByRole("tabpanel");
  }

  async gotoIndex() {
    await this.page.goto("/catalogue");
    await expect(this.index).toBeVisible();
  }

  /** The index's items, or the one for an entry id. */
  items(id?: string): Locator {
    return this.index.locator(id ? `li[data-entry="${id}"]` : "li[data-entry]");
  }

  /** Opens an entry from the sequence view's deep link and waits for its verdict. */
  async open(id: string) {
    await this.page.goto(`/?entry=${id}`);
    await this.expectRun(id);
  }

  async expectRun(id: string) {
    await expect(this.entry).toHaveAttribute("data-entry", id);
    await expect(this.verdict).toBeVisible({ timeout: 20_000 });
  }

  /** One field of the evidence line: status, www-authenticate, retry-after, code. */
  evidence(name: "status" | "www-authenticate" | "retry-after" | "code"): Locator {
    return this.entry.locator(`[data-evidence="${name}"] dd`);
  }

  async show(button: "Show the refused exchange" | "Show the token" | "Show the checklist" | "Show the answer") {
    await this.entry.getByRole("button", { name: button }).click();
  }

  /** A changed part of the token (header, payload, signature) in the Token tab. */
  changedPart(part: "header" | "payload" | "signature"): Locator {
    return this.panel.locator(`[data-part="${part}"][data-changed="true"]`);
  }

  /** The failing row of the step-5 checklist (red). */
  failingCheck(): Locator {
    return this.panel.getByRole("listitem").filter({ hasText: "✗" });
  }

  /** The response headers table of the exchange shown. */
  responseHeaders(): Locator {
    return this.panel.getByRole("table", { name: "Response headers" }).first();
  }
}
