import { expect, type Locator, type Page } from "@playwright/test";

/** The token workbench (/workbench) as a user sees it: found by role and accessible name. */
export class WorkbenchPage {
  readonly tokenBox: Locator;
  readonly checkToken: Locator;
  readonly jwksBox: Locator;
  readonly checks: Locator;
  readonly verdict: Locator;
  readonly editor: Locator;
  readonly resign: Locator;
  readonly keepSignature: Locator;

  constructor(readonly page: Page) {
    this.tokenBox = page.getByLabel("Paste a dialog token (or an access token)");
    this.checkToken = page.getByRole("button", { name: "Check this token" });
    this.jwksBox = page.getByLabel("JWKS document");
    this.checks = page.getByRole("region", { name: "3. The service provider's checks (step 5)" });
    this.verdict = this.checks.getByRole("status");
    this.editor = page.getByRole("region", { name: "4. Edit a claim or the header" });
    this.resign = this.editor.getByRole("button", { name: "Re-sign with the sandbox's key" });
    this.keepSignature = this.editor.getByRole("button", { name: "Keep the old signature" });
  }

  async goto(query = "") {
    await this.page.goto(`/workbench${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Token workbench" })).toBeVisible();
  }

  async paste(token: string) {
    await this.tokenBox.fill(token);
    await this.checkToken.click();
  }

  async pasteJwks(jwks: unknown) {
    await this.page.getByRole("radio", { name: "A JWKS file (paste or upload)" }).check();
    await this.jwksBox.fill(JSON.stringify(jwks));
  }

  async checkAt(mode: "Now" | "At the token's iat (its own time)") {
    await this.page.getByRole("radio", { name: mode }).check();
  }

  /** One step-5 check's row, by its code (`signature`, `exp`, `i` …). */
  check(code: string): Locator {
    return this.checks.getByRole("list", { name: "Step-5 checks in the provider's order" }).locator(`[data-check="${code}"]`);
  }

  async edit(field: string, value: string) {
    await this.editor.getByLabel(field, { exact: true }).fill(value);
  }

  async expectValid() {
    await expect(this.verdict).toContainText("Valid");
  }

  async expectRefused(code: string) {
    await expect(this.verdict).toContainText("Refused");
    await expect(this.verdict).toContainText(code);
  }
}
