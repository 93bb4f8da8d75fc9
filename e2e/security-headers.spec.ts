import type { APIResponse, Page } from "@playwright/test";
import { CATALOGUE } from "../lib/catalogue/entries";
import { APP_ORIGIN, SP_ORIGIN } from "../playwright.config";
import { expect, test } from "./fixtures";
import { SequencePage } from "./sequence-page";

// Every page carries a strict CSP with a fresh nonce, and a real run on it breaks none of its rules
// (lib/shared/security-headers.ts says why each directive is what it is).
const PAGES = ["/", "/compare", "/catalogue"] as const;

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(directives(csp).get("script-src")?.join(" ") ?? "")?.[1];

function expectPageHeaders(res: APIResponse) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const d = directives(csp);
  expect(csp, "a Content-Security-Policy").not.toBe("");
  expect(nonceOf(csp), "a nonce in script-src").toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(d.get("script-src")).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  expect(d.get("style-src")).not.toContain("'unsafe-inline'");
  expect(d.get("default-src")).toEqual(["'none'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'none'"]);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  // The service provider's origin as the running server's environment has it (playwright.config.ts).
  expect(d.get("connect-src")).toEqual(["'self'", SP_ORIGIN]);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-frame-options"]).toBe("DENY");
  return nonceOf(csp)!;
}

for (const path of PAGES) {
  test(`${path}: CSP with a per-response nonce that every script carries, nosniff, referrer policy, no framing`, async ({ request }) => {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    const nonce = expectPageHeaders(first);
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = expectPageHeaders(await request.get(path));
    expect(second).not.toBe(nonce);
  });
}

test("the mock APIs keep their own headers: nosniff, but no page CSP or frame headers", async ({ request }) => {
  for (const path of ["/dialogporten/api/v1/.well-known/jwks.json", "/service-provider/fce/not-a-dialog", "/dialogporten/api/v1/enduser/dialogs/%ff"]) {
    const h = (await request.get(path, { failOnStatusCode: false })).headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["content-security-policy"], path).toBeUndefined();
    expect(h["x-frame-options"], path).toBeUndefined();
  }
});

/** Collects every CSP violation the page reports: the DOM event and Chromium's console message. */
async function watchCsp(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction("__reportCspViolation", (v: string) => found.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) found.push(`console: ${m.text()}`);
  });
  return found;
}

test.describe("a full run breaks no rule of the policy", () => {
  test("the watcher sees a violation when there is one", async ({ page }) => {
    const found = await watchCsp(page);
    await page.goto("/catalogue");
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "body{}" })));
    await expect.poll(() => found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toContain("style-src");
  });

  test("/: Run all, an embed and a write action; the provider still gets Origin, and no Referer", async ({ page, sequence }) => {
    const found = await watchCsp(page);
    const toProvider: Promise<Record<string, string>>[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${SP_ORIGIN}/service-provider/`)) toProvider.push(r.allHeaders());
    });
    await sequence.goto();
    await sequence.runAll.click();
    await sequence.expectStep(6);
    await expect(sequence.narration).toContainText("The run is complete");
    // A write action: a cross-origin POST to the service provider and the dialog's GETs after it.
    await sequence.chooseScenario({ persona: "Siri Selvbetjent · ID-porten", action: /“Send søknad”/ });
    await sequence.runAll.click();
    await expect(sequence.dialogBeforeAfter()).toBeVisible();
    expect(found).toEqual([]);
    const sent = await Promise.all(toProvider);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const h of sent) expect([h.origin, h.referer]).toEqual([APP_ORIGIN, undefined]);
  });

  test("/ opened on the provider's own origin: a same-origin write still carries its Origin", async ({ page }) => {
    const found = await watchCsp(page);
    const origins: Promise<string | null>[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/service-provider\/(ws\/[^/]+\/)?actions\//.test(r.url())) origins.push(r.headerValue("origin"));
    });
    const sequence = new SequencePage(page);
    await page.goto(`${SP_ORIGIN}/`);
    await expect(sequence.runAll).toBeEnabled();
    await sequence.chooseScenario({ persona: "Siri Selvbetjent · ID-porten", action: /“Send søknad”/ });
    await sequence.runAll.click();
    await expect(sequence.dialogBeforeAfter()).toBeVisible();
    expect(await Promise.all(origins)).toEqual([SP_ORIGIN]);
    expect(found).toEqual([]);
  });

  test("/compare: both paths, reached from / through the navigation", async ({ page, sequence, compare }) => {
    const found = await watchCsp(page);
    await sequence.goto();
    // The sequence page keeps its pages in the header's menu.
    await page.locator("summary", { hasText: "Menu" }).click();
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Token vs legacy" }).click();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(compare.runBoth).not.toHaveAttribute("aria-disabled", "true");
    await compare.run();
    expect(found).toEqual([]);
  });

  test("catalogue entries in the sequence view: an attack, a fault and a write", async ({ page }) => {
    // Three whole runs in the browser: slow on a busy two-core machine.
    test.setTimeout(120_000);
    const found = await watchCsp(page);
    const entries = [
      CATALOGUE.find((e) => e.id === "alg-none"),
      CATALOGUE.find((e) => e.kind === "fault" && !e.notInBrowser),
      CATALOGUE.find((e) => e.expectedStep === 6 && !e.notInBrowser),
    ];
    for (const entry of entries.filter((e) => e !== undefined)) {
      // Each entry plays in the sequence view (/?entry=<id>), which the catalogue's index links to.
      await page.goto(`/?entry=${entry.id}`);
      await expect(page.getByTestId("catalogue-verdict")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("catalogue-entry")).toHaveAttribute("data-matches", "true");
    }
    expect(found).toEqual([]);
  });
});
