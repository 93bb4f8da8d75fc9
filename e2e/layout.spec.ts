import { expect, test } from "./fixtures";
import { ROOM_SIZES } from "./support/sizes";

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

// The header's controls keep to one row from 1024 px up, in the longer Norwegian words too: every control sits
// beside the title, none wraps below it.
for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  for (const lang of ["en", "nb"]) {
    // In Norwegian with the workspace clock moved and skewed on both sides: its badge (above the scenario) takes
    // nothing from the header's row.
    const clock = lang === "nb" ? "&offset=660&skew-dp=120&skew-sp=-60" : "";
    test(`the sequence page's header is one row at ${size.width}×${size.height}, ${lang}${clock && ", clock badge"}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`/?lang=${lang}${clock}`);
      if (clock) await expect(page.getByTestId("clock-badge")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const rows = await page.locator("main > div > header").evaluate((header) => {
        const title = header.querySelector("h1")!.getBoundingClientRect();
        // What is shown: a closed menu's contents are laid out but not visible.
        const controls = [...header.querySelectorAll("button, summary, select")].filter((c) => c.checkVisibility());
        return { title: title.top, lowest: Math.max(...controls.map((c) => c.getBoundingClientRect().top)), count: controls.length };
      });
      expect(rows.count).toBeGreaterThanOrEqual(9);
      expect(rows.lowest - rows.title).toBeLessThan(24);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    });
  }
}

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

const PAGES = ["/", "/compare", "/catalogue", "/conformance", "/api-reference", "/workspace"] as const;
const SIZES = ROOM_SIZES;

// Each size in one theme, the themes alternating: the themes change colours, not widths, and the CI budget is
// 15 minutes (the axe sweep loads every page in both themes too).
for (const [i, size] of SIZES.entries()) {
  const colorScheme = i % 2 === 0 ? "light" : "dark";
  {
    test(`no page scrolls sideways at ${size.width}×${size.height}, ${colorScheme} theme`, async ({ page }) => {
      test.slow(); // six pages, each loaded and hydrated
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      const wide: string[] = [];
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // /workspace draws its panels once it has read the workspace: measure those.
        if (path === "/workspace") await expect(page.getByRole("region", { name: /^Key timeline/ })).toBeVisible();
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} > ${clientWidth}`);
      }
      expect(wide).toEqual([]);
    });
  }
}

/** The diagram's geometry after a run: its font size, and per row whether a label box overlaps the arrow's line. */
async function diagramGeometry(page: import("@playwright/test").Page) {
  return page.getByRole("list", { name: "Exchanges in order" }).evaluate((list) => {
    const boxes = [...list.querySelectorAll(":scope > li")].map((row) => {
      const button = row.querySelector("button")!;
      const [title, detail] = [...button.querySelectorAll(":scope > span > span.flex")].map((s) => s.firstElementChild!.getBoundingClientRect());
      const line = button.querySelector("span[aria-hidden=true]")!.getBoundingClientRect();
      return { title: title!, detail: detail!, line, bottom: row.getBoundingClientRect().bottom };
    });
    return {
      fontPx: parseFloat(getComputedStyle(list).fontSize),
      // A label touches its arrow when the boxes overlap both across and down (the self-arrow's label sits beside its loop).
      touching: boxes.filter((b) =>
        [b.title, b.detail].some((l) => l.left < b.line.right && l.right > b.line.left && l.top < b.line.bottom - 0.5 && l.bottom > b.line.top + 0.5),
      ).length,
      lastBottom: Math.max(...boxes.map((b) => b.bottom)),
      panelBottom: list.closest("section")!.getBoundingClientRect().bottom,
    };
  });
}

for (const { size, minFont } of [
  // A projector at 150 % zoom: the header is one row (the pages and the language in a menu), so the diagram's
  // box is about 550 × 560 px and its labels come to 15.1 px, bound by the width as much as by the height.
  { size: { width: 1280, height: 720 }, minFont: 15 },
  { size: { width: 1920, height: 1080 }, minFont: 19 },
]) {
  test(`the diagram grows to fill ${size.width}×${size.height}: bigger labels, clear of the arrows, nothing cut`, async ({ page, sequence }) => {
    test.slow();
    await page.setViewportSize(size);
    await sequence.goto();
    await page.getByLabel("Animation").selectOption("off");
    await sequence.runAll.click();
    await sequence.expectStep(6);
    const g = await diagramGeometry(page);
    expect(g.fontPx).toBeGreaterThanOrEqual(minFont);
    expect(g.touching).toBe(0);
    expect(g.lastBottom).toBeLessThanOrEqual(g.panelBottom);
    // The detail heading wraps instead of being cut off.
    const heading = page.locator("#detail-heading");
    expect(await heading.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  });
}

test("'Off (instant)' draws a step at once: no colour transition on the arrows", async ({ page, sequence }) => {
  test.slow();
  await sequence.goto();
  const arrow = sequence.arrow(0, "ID-porten / Maskinporten");
  expect(await arrow.evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe("0s");
  await page.getByLabel("Animation").selectOption("off");
  expect(await arrow.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe("0s");
});

test("the Token tab is compact at 1280×720, and its glossary opens on demand with the sources linked", async ({ page, sequence }) => {
  test.slow();
  await sequence.goto();
  await sequence.chooseScenario({ persona: "Kari Nordmann · ID-porten", dialog: /^Skattemelding/ });
  for (let step = 0; step <= 3; step++) await sequence.stepTo(step);
  await sequence.openTab("Token");
  const panel = page.locator("#detail-tabpanel");
  await expect(panel.getByRole("table")).toBeVisible();
  // Was five screens of scrolling; compact, the whole tab is at most two and a half viewports tall.
  const compact = await panel.evaluate((el) => el.scrollHeight);
  expect(compact).toBeLessThanOrEqual(2.5 * 720);
  const meaning = panel.getByText("a provider can use jti to spot replays");
  await expect(meaning).toHaveCount(0);
  await panel.getByRole("button", { name: "Explain each claim" }).click();
  await expect(meaning).toBeVisible();
  expect(await panel.evaluate((el) => el.scrollHeight)).toBeGreaterThan(compact);
  await expect(panel.getByRole("link", { name: "RFC 7519 §4.1.7" })).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.7");
  await expect(panel.getByRole("link", { name: "Dialogporten: dialog tokens" }).first()).toBeVisible();
});

test("every page has an icon, and the CSP lets the browser load it", async ({ page, request }) => {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto("/compare");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  // Loaded as an image by the page itself: the policy's img-src must allow it.
  expect(
    await page.evaluate(
      async (src) => await new Promise((done) => Object.assign(new Image(), { onload: () => done(true), onerror: () => done(false), src })),
      href!,
    ),
  ).toBe(true);
  expect(blocked).toEqual([]);
});

test("wording that follows the run: the counter after a 403, the Decision tab's heading, the multi-request", async ({ page, sequence }) => {
  test.slow();
  await sequence.goto();
  await sequence.chooseScenario({
    persona: "Regnskapssystem (system user) · Maskinporten",
    party: "Sandbox Bakeri AS",
    dialog: /^MVA-melding/,
    action: /“Signer”/,
  });
  await page.getByLabel("Animation").selectOption("off");
  await sequence.runAll.click();
  await sequence.expectStep(6);
  // No call to Authorization, but no success either: the provider refused from the token alone.
  const counter = page.locator("#aa-late").locator("..");
  await expect(counter).toContainText("none: the provider refused (403) from the token alone");
  await expect(counter).not.toContainText("sufficed");

  await sequence.openTab("Decision");
  await expect(page.locator("#detail-heading")).toHaveText(/^Step 2 · Altinn Authorization → Dialogporten/);
  await expect(sequence.panel).toContainText("in one XACML multi-request");
  await expect(sequence.panel).not.toContainText("one XACML request each");
  await sequence.openTab("Checklist");
  await expect(page.locator("#detail-heading")).toHaveText(/^Step 5 · Service provider/);
});
