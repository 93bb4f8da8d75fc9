import { expect, type Locator, type Page } from "@playwright/test";

/** The scenario form's outlook (what the run will do) and the groups its selects offer, as a user sees them. */
export class ScenarioFormPage {
  readonly outlook: Locator;
  readonly dialog: Locator;
  readonly action: Locator;

  constructor(readonly page: Page) {
    this.outlook = page.getByTestId("scenario-outlook");
    this.dialog = page.getByLabel("Dialog", { exact: true });
    this.action = page.getByLabel("Action at the service provider", { exact: true });
  }

  /** The option labels of one optgroup of a select, by the start of the group's label. */
  async group(select: Locator, labelStart: string): Promise<string[]> {
    return select.locator(`optgroup[label^="${labelStart}"] option`).allTextContents();
  }

  async expectOutlook(...parts: (string | RegExp)[]) {
    for (const part of parts) await expect(this.outlook).toContainText(part);
  }
}

/** One exchange of the Exchange tab: the API's headers, the greyed ones Next.js or HTTP added, and the sandbox's. */
export class ExchangeViewPart {
  constructor(readonly article: Locator) {}

  serviceHeaders(side: "Request" | "Response"): Locator {
    return this.article.getByRole("table", { name: `${side} headers`, exact: true }).getByRole("rowheader");
  }

  transportHeaders(side: "Request" | "Response"): Locator {
    return this.article.getByRole("table", { name: `${side}: framework and transport`, exact: true }).getByRole("rowheader");
  }

  sandboxHeaders(side: "Request" | "Response"): Locator {
    return this.article.getByRole("table", { name: `${side}: sandbox`, exact: true }).getByRole("rowheader");
  }

  get sandboxToggle(): Locator {
    return this.article.getByRole("checkbox", { name: /^Show the sandbox's headers/ });
  }

  get transportNote(): Locator {
    return this.article.getByText("Added by Next.js or the HTTP transport — not part of the real API:").first();
  }
}
