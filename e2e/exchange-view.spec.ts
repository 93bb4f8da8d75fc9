import { expect, test } from "./fixtures";
import { axeViolations } from "./support/axe";
import { ExchangeViewPart } from "./scenario-form-page";

/** What Next.js or HTTP itself adds; none of it may be shown as the API's. */
const TRANSPORT = ["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-powered-by"];

test("the exchange view keeps the API's headers apart: framework ones greyed with a note, the sandbox's only on request", async ({ sequence, wire }) => {
  test.slow();
  await sequence.goto();
  await sequence.runAll.click();
  await sequence.expectStep(6);
  await sequence.arrow(3).click();
  await sequence.openTab("Exchange");
  const ex = new ExchangeViewPart(sequence.exchange("Exchange: Get the dialog (and its dialog token)"));
  await expect(ex.article).toBeVisible();

  // The wire shows the server really sent a date (Node adds it); the view files it under transport.
  const got = await wire.lastDialog();
  expect(got.headers["date"]).toBeTruthy();
  await expect(ex.transportNote).toBeVisible();
  await expect(ex.transportHeaders("Response").filter({ hasText: /^date$/ })).toHaveCount(1);

  const own = await ex.serviceHeaders("Response").allTextContents();
  expect(own).toEqual(expect.arrayContaining(["content-type", "etag"]));
  for (const name of own) expect(TRANSPORT).not.toContain(name);
  for (const name of own) expect(name).not.toMatch(/^sandbox-/);
  for (const vary of await ex.article.getByRole("table", { name: "Response headers", exact: true }).getByRole("row", { name: /^vary/ }).allTextContents()) {
    expect(vary).not.toMatch(/rsc|next-router/);
  }

  // The request asked for the trace (sandbox-trace: on): hidden until the user asks.
  await expect(ex.sandboxHeaders("Request")).toHaveCount(0);
  await expect(ex.article.locator("details pre")).not.toContainText("sandbox-");
  await ex.sandboxToggle.check();
  await expect(ex.sandboxHeaders("Request").filter({ hasText: /^sandbox-trace$/ })).toHaveCount(1);
  await ex.sandboxToggle.uncheck();
  await expect(ex.sandboxHeaders("Request")).toHaveCount(0);
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
]) {
  test(`no axe violations and nothing too wide at ${size.width}×${size.height}: the form's outlook and the exchange view`, async ({ page, sequence }) => {
    test.slow();
    await page.setViewportSize(size);
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Ola Nordmann · ID-porten", party: "Ola Nordmann", dialog: /^Byggesøknad/ });
    await sequence.runAll.click();
    await sequence.expectStep(3);
    await sequence.openTab("Exchange");
    await sequence
      .exchange()
      .first()
      .getByRole("checkbox", { name: /^Show the sandbox's headers/ })
      .check();
    expect(await axeViolations(page)).toEqual([]);
    // The form fits the viewport, and nothing in the exchange view is wider than the view itself. (The
    // sequence diagram's panel above is wider than a phone; that is the diagram's layout, not these parts.)
    const form = await page.getByRole("group", { name: "Scenario" }).boundingBox();
    expect(form!.x + form!.width).toBeLessThanOrEqual(size.width);
    const article = sequence.exchange().first();
    expect(await article.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
}
