import { expect, type Locator, type Page } from "@playwright/test";
import { SequencePage } from "./sequence-page";

/** The sequence page in its presenter view (?presenter=1), found by role and accessible name like the normal view. */
export class PresenterPage extends SequencePage {
  readonly pause: Locator;
  readonly resume: Locator;
  readonly presenterToggle: Locator;
  readonly keysButton: Locator;
  readonly speakerNote: Locator;
  readonly scenarioSummary: Locator;
  readonly help: Locator;

  constructor(page: Page) {
    super(page);
    this.pause = page.getByRole("button", { name: "Pause", exact: true });
    this.resume = page.getByRole("button", { name: "Resume", exact: true });
    this.presenterToggle = page.getByRole("button", { name: /^(Presenter view|Presentasjonsvisning)$/ });
    this.keysButton = page.getByRole("button", { name: /^(Keys|Taster)$/ });
    this.speakerNote = page.getByRole("complementary", { name: /^(Speaker note|Notat til foredragsholderen)$/ });
    this.scenarioSummary = page.locator("summary", { hasText: /^Scenario:/ });
    this.help = page.getByRole("dialog", { name: /^(Keys|Taster)$/ });
  }

  /** Opens the presenter view by link; `query` adds more of the link (`lang=nb`, `step=3`). */
  async open(query = "") {
    await this.page.goto(`/?presenter=1${query ? `&${query}` : ""}`);
    await expect(this.speakerNote).toBeVisible();
    // Run all, in either language: enabled once the page is hydrated and keys do something.
    await expect(
      this.page
        .getByRole("group", { name: /^(Run controls|Styring av kjøringen)$/ })
        .getByRole("button")
        .first(),
    ).toHaveAttribute("aria-disabled", "false");
  }

  /** Waits until no call is out (Next step is offered again: the run is paused before its end) and returns the step shown. */
  async pausedStep(): Promise<number> {
    await expect(this.resume).toBeVisible();
    await expect(this.nextStep).toHaveAttribute("aria-disabled", "false");
    const text = (await this.stepLabel.textContent()) ?? "";
    const m = /step (\d) of 6/.exec(text);
    return m ? Number(m[1]) : -1;
  }

  async expectNotStarted() {
    await expect(this.stepLabel).toContainText("not started");
  }
}
