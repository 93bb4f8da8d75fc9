import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_ORIGIN = `http://localhost:${PORT}`;
/** The service provider as the browser reaches it: the same server under its other name, so CORS is real. */
export const SP_ORIGIN = `http://127.0.0.1:${PORT}`;

// CHROMIUM_PATH wins, then Debian's Chromium; otherwise Playwright's own browser (a laptop with internet).
const executablePath = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  // screenshots.spec.ts makes the README's pictures: a generator, run by `npm run screenshots` (SCREENSHOTS=1),
  // not a test — its flows are each covered by a spec of their own, and it would cost the CI two minutes.
  // accessibility-full.spec.ts is the long sweep of `npm run test:axe-full` (AXE_FULL=1), for a quiet machine.
  testIgnore: [
    ...(process.env.SCREENSHOTS === "1" ? [] : ["**/screenshots.spec.ts"]),
    ...(process.env.AXE_FULL === "1" ? [] : ["**/accessibility-full.spec.ts"]),
  ],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Two workers on two cores: files run side by side, the tests of one file in order. Specs keep their own
  // state in workspaces of their own (a browser context's, or an explicit sandbox-workspace header), so
  // none depends on another running or not; the axe sweeps make one worker too slow for the CI budget.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: { baseURL: APP_ORIGIN, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: executablePath
            ? [
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                // Only the local app exists for this browser: no DNS lookups for anything else.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
              ]
            : [],
        },
      },
    },
  ],
  webServer: {
    // The production build, as users run it; `npm test` builds first.
    command: `npx next start -p ${PORT}`,
    url: `${APP_ORIGIN}/dialogporten/api/v1/.well-known/jwks.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // Page on localhost, service provider on 127.0.0.1: every call with Authorization is preflighted for real.
    env: { NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT), SANDBOX_ORIGIN: APP_ORIGIN, SANDBOX_SP_ORIGIN: SP_ORIGIN, SANDBOX_ALLOWED_ORIGINS: APP_ORIGIN },
    stdout: "pipe",
    stderr: "pipe",
  },
});
