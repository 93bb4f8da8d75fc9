import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

export const RESOURCE_TITLE = {
  taxReturn: "Skattemelding (sandbox)",
  vatReturn: "MVA-melding (sandbox)",
  fishingLicence: "Fiskekort (sandbox)",
  buildingPermit: "Byggesøknad (sandbox)",
} as const;

export interface RuleEdit {
  effect?: "Permit" | "Deny";
  description?: string;
  /** Role codes or access packages (the end of the URN, e.g. "PRIV") to tick, or to untick with `false`. */
  roles?: Record<string, boolean>;
  actions?: Record<string, boolean>;
  appliesTo?: string;
}

/** The policy editor (/workspace/policies) as a user sees it: found by role and accessible name only. */
export class PolicyPage {
  readonly save: Locator;
  readonly discard: Locator;
  readonly reset: Locator;
  readonly source: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.save = page.getByRole("button", { name: "Save", exact: true });
    this.discard = page.getByRole("button", { name: "Discard changes" });
    this.reset = page.getByRole("button", { name: "Reset to the seed" });
    this.source = page.getByTestId("policy-source");
    this.saveStatus = page.getByRole("region", { name: "Save or reset" }).getByRole("status");
  }

  async goto() {
    await this.page.goto("/workspace/policies");
    await expect(this.page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
    await expect(this.source).toBeVisible();
  }

  /** One resource's policy, by the resource registry's title. */
  policy(title: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")}`) });
  }

  rule(title: string, id: string): Locator {
    return this.policy(title).getByRole("group", { name: `Rule ${id}`, exact: true });
  }

  level(title: string): Locator {
    return this.policy(title).getByLabel("Minimum authentication level");
  }

  async edit(rule: Locator, edit: RuleEdit) {
    if (edit.effect) await rule.getByLabel("Effect").selectOption(edit.effect);
    if (edit.description !== undefined) await rule.getByLabel("Description (optional)").fill(edit.description);
    if (edit.appliesTo) await rule.getByLabel("Applies to").selectOption({ label: edit.appliesTo });
    for (const [code, on] of Object.entries(edit.roles ?? {})) await rule.getByRole("checkbox", { name: new RegExp(`:${code}\\b`) }).setChecked(on);
    for (const [action, on] of Object.entries(edit.actions ?? {})) await rule.getByRole("checkbox", { name: action, exact: true }).setChecked(on);
  }

  /** Adds a rule to a resource's policy and returns it (the last rule). */
  async addRule(title: string): Promise<Locator> {
    const rules = this.policy(title).getByRole("group", { name: /^Rule / });
    const before = await rules.count();
    await this.policy(title)
      .getByRole("button", { name: /^Add rule/ })
      .click();
    await expect(rules).toHaveCount(before + 1);
    return rules.last();
  }

  async saveAndWait() {
    await this.save.click();
    await expect(this.saveStatus).toContainText("Saved.");
    await expect(this.source).toContainText("Your own policies");
  }

  async resetAndWait() {
    await this.reset.click();
    await expect(this.saveStatus).toContainText("Back to the seed's policies.");
    await expect(this.source).toContainText("The seed's policies");
  }

  /** "Download JSON": the file's text. */
  async exportJson(): Promise<string> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Download JSON" }).click();
    return readFile((await (await download).path())!, "utf8");
  }

  importFile(): Locator {
    return this.page.getByLabel("Import from a file…");
  }

  importText(): Locator {
    return this.page.getByLabel("…or paste a policy document");
  }

  async importNow() {
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
  }

  importStatus(): Locator {
    return this.page.getByRole("region", { name: "Export and import" }).getByRole("status");
  }
}
