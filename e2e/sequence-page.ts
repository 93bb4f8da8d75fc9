import { expect, type Locator, type Page } from "@playwright/test";

export interface ScenarioChoice {
  /** Option label, e.g. "Kari Nordmann · ID-porten". */
  persona?: string;
  party?: string;
  dialog?: string | RegExp;
  action?: string | RegExp;
}

export type ViewTab = "Exchange" | "Decision" | "Token" | "Checklist" | "Changes";

/** Picks an option of a labelled select by its exact label, or the first label matching a pattern. */
async function pickOption(page: Page, label: string, option: string | RegExp | undefined) {
  if (option === undefined) return;
  const select = page.getByLabel(label, { exact: true });
  if (typeof option === "string") {
    await select.selectOption({ label: option });
    return;
  }
  const labels = await select.locator("option").allTextContents();
  const match = labels.find((l) => option.test(l));
  if (!match) throw new Error(`No option matching ${option} in "${label}": ${labels.join(" | ")}`);
  await select.selectOption({ label: match });
}

/** The scenario form (persona, party, dialog, action), on / and on /compare alike. */
export async function chooseScenario(page: Page, choice: ScenarioChoice) {
  await pickOption(page, "Persona (who signs in)", choice.persona);
  await pickOption(page, "Party (on whose behalf)", choice.party);
  await pickOption(page, "Dialog", choice.dialog);
  await pickOption(page, "Action at the service provider", choice.action);
}

/** The sequence page (/) as a user sees it: found by role and accessible name only. */
export class SequencePage {
  readonly runAll: Locator;
  readonly nextStep: Locator;
  readonly back: Locator;
  readonly reset: Locator;
  readonly stepLabel: Locator;
  readonly narration: Locator;
  readonly authorizationCounter: Locator;
  readonly details: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.runAll = page.getByRole("button", { name: "Run all" });
    this.nextStep = page.getByRole("button", { name: "Next step" });
    this.back = page.getByRole("button", { name: "Back" });
    this.reset = page.getByRole("button", { name: "Reset", exact: true });
    this.stepLabel = page.getByRole("heading", { name: /^Sequence/ });
    this.narration = page.getByRole("status", { name: "Narration" });
    this.authorizationCounter = page.getByLabel("Calls to Altinn Authorization in steps 4–6");
    this.details = page.getByRole("region", { name: /^(Step|Keys|Details)/ });
    this.panel = page.getByRole("tabpanel");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 1, name: "Dialog Token Sandbox" })).toBeVisible();
    // Controls are enabled once the page is hydrated and clicks do something.
    await expect(this.runAll).toBeEnabled();
  }

  async chooseScenario(choice: ScenarioChoice) {
    await chooseScenario(this.page, choice);
  }

  /** Presses "Next step" and waits until the given step is the one shown. */
  async stepTo(step: number) {
    await this.nextStep.click();
    await this.expectStep(step);
  }

  async expectStep(step: number) {
    await expect(this.stepLabel).toContainText(`step ${step} of 6`);
    await expect(this.narration).toContainText(`Step ${step}:`);
  }

  /** A diagram arrow by its number, and (for the two 0 arrows) by where it goes. */
  arrow(step: number, to?: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^Step ${step}: .*${to ? ` to ${to}` : ""}`) });
  }

  tab(name: ViewTab): Locator {
    return this.page.getByRole("tab", { name });
  }

  async openTab(name: ViewTab) {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute("aria-selected", "true");
  }

  /** The JSON shown in a figure of the Token view ("Decoded header", "Decoded payload"). */
  async decodedJson(name: "Decoded header" | "Decoded payload"): Promise<Record<string, unknown>> {
    const text = await this.panel.getByRole("figure", { name }).locator("pre").textContent();
    return JSON.parse(text ?? "null") as Record<string, unknown>;
  }

  decisionsTable(): Locator {
    return this.panel.getByRole("table", { name: /^Decisions/ });
  }

  isAuthorizedTable(): Locator {
    return this.panel.getByRole("table", { name: /^isAuthorized/ });
  }

  checks(): Locator {
    return this.panel.getByRole("list", { name: "Checks in the order the service provider ran them" }).getByRole("listitem");
  }

  endUserSystemSees(): Locator {
    return this.panel.getByRole("region", { name: "What the end-user system sees" });
  }

  exchange(label?: string | RegExp): Locator {
    return this.panel.getByRole("article", { name: label ?? /^Exchange:/ });
  }

  /** The browser's CORS preflight, drawn just above step 4. */
  preflightArrow(): Locator {
    return this.page.getByRole("button", { name: /^Preflight: End-user system to Service provider/ });
  }

  /** After a write action's 202: Dialogporten's event arriving at the end-user system over the GraphQL subscription. */
  eventArrow(): Locator {
    return this.page.getByRole("button", { name: /^Event: Dialogporten to End-user system/ });
  }

  /** One header of an exchange's request or response, by exact name. */
  headerRow(exchange: Locator, side: "Request headers" | "Response headers", name: string): Locator {
    return exchange
      .getByRole("table", { name: side })
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** Step 6 of an embed: the markdown as the end-user system rendered it, the rules it applied, the raw body. */
  renderedEmbed(): Locator {
    return this.panel.getByRole("article", { name: "Rendered embed" });
  }

  embedRules(): Locator {
    return this.panel.getByRole("list", { name: "Rules the end-user system applied" }).getByRole("listitem");
  }

  /** The Changes tab after a write action. */
  dialogBeforeAfter(): Locator {
    return this.panel.getByRole("table", { name: "The dialog, before and after" });
  }

  tokenBeforeAfter(): Locator {
    return this.panel.getByRole("table", { name: /^The dialog token, before and after/ });
  }

  newActivities(): Locator {
    return this.panel.getByRole("region", { name: /^New activities/ });
  }

  dialogRefetches(): Locator {
    return this.panel.getByRole("list", { name: "GETs of the dialog after the write action" }).getByRole("listitem");
  }

  /** A row of a before/after table, by the field in its first column. */
  row(table: Locator, field: string): Locator {
    return table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: field, exact: true }) });
  }
}
