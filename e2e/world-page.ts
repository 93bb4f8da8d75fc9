import { expect, type Locator, type Page } from "@playwright/test";

/** The /workspace page (the clock, the skew, the key timeline, the provider's key cache) as a user sees it. */
export class WorldPage {
  readonly clock: Locator;
  readonly mode: Locator;
  readonly skew: Locator;
  readonly prediction: Locator;
  readonly keys: Locator;
  readonly cache: Locator;

  constructor(readonly page: Page) {
    this.clock = page.getByRole("region", { name: "The workspace clock" });
    this.mode = this.clock.getByText(/^(Real clock|Running, .*|Frozen)$/);
    this.skew = page.getByRole("region", { name: "Skew between issuer and verifier" });
    this.prediction = this.skew.getByTestId("step5-prediction");
    this.keys = page.getByRole("region", { name: /^Key timeline/ });
    this.cache = page.getByRole("region", { name: "The service provider's key cache" });
  }

  async goto(query = "") {
    await this.page.goto(`/workspace${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Your workspace: time and keys" })).toBeVisible();
    // The panels appear once the workspace's clock, keys and cache have been read.
    await expect(this.mode).toBeVisible();
  }

  /** The workspace id this browser context uses (shared by its tabs). */
  workspace(): Promise<string> {
    return this.page.evaluate(() => localStorage.getItem("sandbox-workspace") ?? "");
  }

  /** Clicks a button and waits for the page to say the change was made. */
  private async act(button: Locator, done: string | RegExp) {
    await expect(button).not.toHaveAttribute("aria-disabled", "true");
    await button.click();
    await expect(this.page.getByRole("status").filter({ hasText: done })).toBeVisible();
  }

  async jump(label: "+5 min" | "+11 min" | "+1 h" | "+25 h" | "+48 h") {
    await this.act(this.clock.getByRole("button", { name: label, exact: true }), `Clock moved ${label}.`);
  }

  async setSkew({ dp = 0, sp = 0 }: { dp?: number; sp?: number }) {
    await this.skew.getByLabel("Dialogporten, seconds").fill(String(dp));
    await this.skew.getByLabel("Service provider, seconds").fill(String(sp));
    await this.act(this.skew.getByRole("button", { name: "Set skew" }), /^Skew set:/);
  }

  /** The kids of the timeline, oldest first. */
  async kids(): Promise<string[]> {
    return this.keys.getByRole("article").getByRole("heading", { level: 3 }).allTextContents();
  }

  key(kid: string): Locator {
    return this.keys.getByRole("article", { name: kid });
  }

  verdict(kid: string): Locator {
    return this.key(kid).getByTestId("key-verdict");
  }

  async publish(): Promise<string> {
    const before = await this.kids();
    await this.act(this.keys.getByRole("button", { name: "Publish new key" }), "New key published.");
    await expect(this.keys.getByRole("article")).toHaveCount(before.length + 1);
    return (await this.kids()).at(-1)!;
  }

  promoteButton(kid: string, early = false): Locator {
    return this.key(kid).getByRole("button", { name: early ? "Promote early (breaks the 48 h rule)" : "Promote", exact: true });
  }

  async promote(kid: string, early = false) {
    await this.act(this.promoteButton(kid, early), "Key promoted to Primary: it signs the next token.");
    await expect(this.key(kid)).toContainText("Primary: signs");
  }

  async retire(kid: string) {
    await this.act(this.key(kid).getByRole("button", { name: "Retire" }), "Key retired: it left the JWKS.");
  }

  async flush() {
    await this.act(this.cache.getByRole("button", { name: "Flush the provider's key cache" }), /^Cache flushed/);
  }
}
