import type { Page } from "@playwright/test";
import { encodeText } from "../lib/shared/base64url";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { TT02_JWKS, TT02_TOKEN } from "../lib/service-provider/fixtures/tt02-token";
import { expect, test } from "./fixtures";
import { axeViolations } from "./support/axe";

// Each test drives a busy page (the clock ticks, the checks rerun each second) on a shared machine: triple the budget.
test.beforeEach(() => test.slow());

/** A fresh dialog token from the sandbox's test-token API, as a service provider's tests would get one. */
async function sandboxToken(page: Page, claims: Record<string, unknown> = {}): Promise<string> {
  const res = await page.request.post("/sandbox/api/v1/dialog-tokens", { data: claims });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

test("the real tt02 token with its JWKS: valid at its own time, expired now", async ({ page, workbench }) => {
  await workbench.goto();
  await workbench.paste(TT02_TOKEN);
  await workbench.pasteJwks(TT02_JWKS);
  await workbench.expectRefused("token_expired");
  await expect(workbench.check("exp")).toContainText("token_expired");
  await expect(workbench.check("signature")).toContainText("Pass");
  await expect(page.getByTestId("expiry")).toContainText(/Expired .*ago/);

  await workbench.checkAt("At the token's iat (its own time)");
  await workbench.expectValid();
  await expect(page.getByText("Checking at 14 Feb 2025")).toBeVisible();
  await expect(workbench.check("iss")).toContainText("https://platform.tt02.altinn.no/dialogporten/api/v1");
  await expect(workbench.check("i")).toContainText("0194fe82-9280-77a5-a7cd-5ff0e6a6fa07");
});

test("edit i and re-sign: the signature holds, the provider refuses it for the old dialog", async ({ workbench }) => {
  await workbench.goto(`?token=${await sandboxToken(workbench.page)}`);
  await workbench.expectValid();
  await workbench.edit("i", DIALOG_ID.taxReturn);
  await workbench.resign.click();
  await workbench.expectRefused("dialog_mismatch");
  await expect(workbench.check("signature")).toContainText("Pass");
  await expect(workbench.check("i")).toContainText(`expected ${DIALOG_ID.vatReturn}`);
  await expect(workbench.check("i")).toContainText(`actual ${DIALOG_ID.taxReturn}`);
});

test("edit without re-signing: the signature check fails", async ({ workbench }) => {
  await workbench.goto(`?token=${await sandboxToken(workbench.page)}`);
  await workbench.expectValid();
  await workbench.edit("a", "read;write;delete");
  await workbench.keepSignature.click();
  await workbench.expectRefused("signature_invalid");
  await expect(workbench.check("kid")).toContainText("Pass");
  await expect(workbench.check("a")).toContainText("Not run");
});

test("a re-signed tt02 token gets the sandbox's kid, and is checked against the sandbox's keys", async ({ page, workbench }) => {
  await workbench.goto();
  await page.getByRole("button", { name: "The real tt02 token (Feb 2025)" }).click();
  await workbench.checkAt("At the token's iat (its own time)");
  await workbench.expectValid();
  await workbench.resign.click();
  await expect(page.getByText(/kid dp-staging-240322-o5ymn is not the sandbox's/)).toBeVisible();
  // The sandbox kept the claims, the tt02 issuer among them: the signature holds, the issuer check is what differs.
  await expect(workbench.check("signature")).toContainText("Pass");
  await workbench.expectValid();
});

test("a JWKS URL is fetched by the sandbox's relay, from allowed origins only", async ({ page, workbench }) => {
  await workbench.goto(`?token=${await sandboxToken(page)}`);
  await page.getByRole("radio", { name: "A JWKS URL" }).check();
  const url = page.getByRole("textbox", { name: "JWKS URL" });
  await url.fill("https://platform.tt02.altinn.no/dialogporten/api/v1/.well-known/jwks.json");
  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(page.getByRole("group", { name: "Keys (JWKS)" }).getByRole("alert")).toContainText("relay_origin_not_allowed");
  await url.fill(new URL("/dialogporten/api/v1/.well-known/jwks.json", page.url()).href);
  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(page.getByText("Keys loaded:")).toBeVisible();
  await workbench.expectValid();
});

test("alg HS256 or none is refused by the checks, and the sandbox will not re-sign it", async ({ page, workbench }) => {
  const [, payload] = (await sandboxToken(page)).split(".");
  for (const alg of ["HS256", "none"]) {
    await workbench.goto();
    await workbench.paste(`${encodeText(JSON.stringify({ alg, typ: "JWT" }))}.${payload}.${alg === "none" ? "" : "c2lnbmF0dXJl"}`);
    await workbench.expectRefused("alg_not_allowed");
    await expect(workbench.check("alg")).toContainText(`actual ${alg}`);
    await workbench.resign.click();
    await expect(workbench.editor.getByRole("alert")).toContainText("alg_not_mintable");
  }
});

test("the sequence page's Token tab opens the run's token in the workbench, where it is valid", async ({ page, sequence, workbench }) => {
  await sequence.goto();
  await sequence.runAll.click();
  await sequence.expectStep(6);
  await sequence.openTab("Token");
  await page.getByRole("link", { name: "Open in the token workbench" }).click();
  await expect(page).toHaveURL(/\/workbench\?token=ey/);
  await workbench.expectValid();
});

test("step 0's access token is decoded with what steps 1–2 decide on", async ({ page, workbench }) => {
  await workbench.goto();
  await page.getByLabel("Access token of step 0 for").selectOption({ label: "Regnskapssystem (system user) (Maskinporten)" });
  await page.getByRole("button", { name: "Sign in and decode" }).click();
  const access = page.getByRole("region", { name: "2. The access token, read as Dialogporten reads it" });
  await expect(access.getByRole("rowheader", { name: "authorization_details" })).toBeVisible();
  await expect(access).toContainText("urn:altinn:systemuser:uuid =");
  await expect(workbench.checks).toHaveCount(0);
});

// A loaded token with its checks: a state the page-by-page axe sweep (accessibility.spec.ts) does not reach.
// Pairwise, as that sweep: the phone in Norwegian, the projector in English.
for (const { lang, ...viewport } of [
  { width: 390, height: 844, lang: "nb" },
  { width: 1280, height: 720, lang: "en" },
]) {
  test(`axe-clean and no horizontal scroll at ${viewport.width} px with a token loaded (${lang})`, async ({ page, workbench }) => {
    test.setTimeout(120_000); // a full axe scan on a shared two-core machine
    await page.setViewportSize(viewport);
    await page.goto(`/workbench?lang=${lang}&token=${await sandboxToken(page)}`);
    await expect(workbench.checks.or(page.getByRole("region", { name: "3. Tjenestetilbyderens kontroller (steg 5)" }))).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
}
