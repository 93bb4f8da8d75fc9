import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_ORIGIN, SP_ORIGIN } from "../playwright.config";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { startProvider, verifyWithJwks } from "./providers/provider.mjs";
import { expect, test } from "./fixtures";

// The kit for service-provider teams over real HTTP against the production build: test tokens, the CLI
// and the /conformance page, with an independent provider (plain node:crypto) started beside the app.
const ISSUER = `${APP_ORIGIN}/dialogporten/api/v1`;
const SP_EMBED = `${SP_ORIGIN}/service-provider/fce/{dialogId}`;

test("test tokens verify with node:crypto from the served JWKS alone; alg none and an unknown kid are 400s", async ({ request }) => {
  const minted = await request.post("/sandbox/api/v1/dialog-tokens", { data: { i: DIALOG_ID.vatReturn, a: "read" } });
  expect(minted.status()).toBe(201);
  const { token } = (await minted.json()) as { token: string };
  const jwks = (await (await request.get("/dialogporten/api/v1/.well-known/jwks.json")).json()) as { keys: object[] };
  expect(verifyWithJwks(token, jwks).claims).toMatchObject({ i: DIALOG_ID.vatReturn, a: "read", iss: ISSUER });
  for (const [data, code] of [
    [{ alg: "none" }, "alg_not_mintable"],
    [{ kid: "dp-sandbox-261129-zzzzz" }, "kid_unknown"],
  ] as const) {
    const res = await request.post("/sandbox/api/v1/dialog-tokens", { data });
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ code });
  }
  const doc = await request.get("/sandbox/api/v1/openapi.json");
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});

/** The CLI as a child process; asynchronous, so the provider in this process keeps answering meanwhile. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn("npx", ["tsx", "scripts/conformance.ts", "--sandbox", APP_ORIGIN, "--action", "read", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

test("npm run conformance over real HTTP: exit 0 for the sandbox's provider, exit 1 naming the flaw of another", async () => {
  test.setTimeout(180_000); // two runs of tsx, each starting a TypeScript toolchain
  const dir = mkdtempSync(join(tmpdir(), "conformance-"));
  const flawed = await startProvider({ flaw: "no-expiry-check", action: "read", jwksUrl: `${ISSUER}/.well-known/jwks.json`, issuer: ISSUER });
  try {
    const pass = await cli("--target", SP_EMBED, "--format", "junit", "--out", join(dir, "pass.xml"));
    expect(pass.status, pass.stderr).toBe(0);
    expect(readFileSync(join(dir, "pass.xml"), "utf8")).toMatch(/failures="0" skipped="0"/);
    const fail = await cli("--target", flawed.url);
    expect(fail.status, fail.stderr).toBe(1);
    expect(fail.stdout).toMatch(/expired-token: answered 200 — accepted; it should refuse it with a 4xx/);
    expect(fail.stdout.match(/^✘ /gm)).toHaveLength(1);
  } finally {
    await flawed.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the page: the sandbox's own provider passes through the relay, every attack sent", async ({ conformance }) => {
  await conformance.goto();
  await expect(conformance.target).toHaveValue(SP_EMBED);
  await conformance.runAndWait();
  await expect(conformance.report).toHaveAttribute("data-passed", "true");
  await expect(conformance.report).toContainText(/^PASS: valid token accepted; (\d+) of \1 attacks refused; 0 findings\./);
  await expect(conformance.requests.getByRole("listitem").first()).toContainText("valid-token");
  await expect(conformance.requests.locator('[data-passed="false"]')).toHaveCount(0);
});

test("the page: a provider that ignores i is caught by exactly the other-dialog attack; direct mode skips what a browser cannot send", async ({
  conformance,
}) => {
  const flawed = await startProvider({ flaw: "ignores-dialog", action: "read", jwksUrl: `${ISSUER}/.well-known/jwks.json`, issuer: ISSUER });
  try {
    await conformance.goto();
    await conformance.target.fill(flawed.url);
    await conformance.runAndWait();
    await expect(conformance.report).toHaveAttribute("data-passed", "false");
    await expect(conformance.finding("token-for-another-dialog")).toContainText("answered 200 — accepted");
    await expect(conformance.report.locator("[data-finding]")).toHaveCount(1);
  } finally {
    await flawed.close();
  }
  // Straight from the browser to the sandbox's provider (its CORS allows this page): cookie and 64 KB are not sent.
  await conformance.target.fill(SP_EMBED);
  await conformance.route("direct").check();
  await conformance.runAndWait();
  await expect(conformance.report).toHaveAttribute("data-passed", "true");
  await expect(conformance.report).toContainText("2 not sent");
  await expect(conformance.requests.locator('[data-case="token-in-cookie"]')).toContainText("Not sent");
});

test("the page refuses a target without {dialogId} before sending anything", async ({ conformance, page }) => {
  await conformance.goto();
  await conformance.target.fill("http://127.0.0.1:1/no-placeholder");
  await conformance.run.click();
  await expect(page.getByRole("alert").filter({ hasText: "must contain {dialogId}" })).toBeVisible();
  await expect(conformance.report).toHaveCount(0);
});

test("the API page lists every service's endpoints from the OpenAPI document", async ({ page }) => {
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { level: 1, name: /API/ })).toBeVisible();
  for (const name of ["Mock Dialogporten", "Mock Altinn Authorization", "Mock service provider", "Sandbox API"])
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  await expect(page.locator('[data-operation="POST /sandbox/api/v1/dialog-tokens"]')).toBeVisible();
});
