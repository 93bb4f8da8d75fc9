import { expect, test } from "./fixtures";

test.use({ viewport: { width: 1280, height: 720 }, contextOptions: { reducedMotion: "no-preference" } });

/** Sum of every layout shift the browser reports, including those right after input (which CLS would forgive). */
async function startShiftMeter(page: import("@playwright/test").Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value;
    }).observe({ type: "layout-shift", buffered: false });
  });
}

test("steps arrive without moving the page, and nothing overflows at 1280×720", async ({ page, sequence }) => {
  await sequence.goto();
  await startShiftMeter(page);
  const box = async (name: string) => (await page.getByRole("region", { name }).boundingBox())!;
  const before = { diagram: await box("Sequence"), scenario: await box("Scenario") };

  await page.getByLabel("Animation").selectOption("normal");
  await sequence.runAll.click();
  await sequence.expectStep(6);

  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.005);
  expect(await box("Sequence")).toEqual(before.diagram);
  expect(await box("Scenario")).toEqual(before.scenario);
  // The diagram, the narration and the counter all fit the projector-sized viewport without page scroll.
  const narration = (await sequence.narration.boundingBox())!;
  expect(narration.y + narration.height).toBeLessThanOrEqual(720);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
  const diagram = page.getByRole("region", { name: "Sequence" });
  expect(await diagram.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("the comparison fits 1280 px wide, and its result arrives without moving the form", async ({ page, compare }) => {
  await compare.goto();
  await startShiftMeter(page);
  const form = page.getByRole("form", { name: "Comparison" });
  const before = await form.boundingBox();
  await compare.run();
  expect(await form.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.005);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("/conformance with a report and /api-reference have no horizontal scroll at 390 px", async ({ page, conformance }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await conformance.goto();
  await conformance.runAndWait();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto("/api-reference");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
