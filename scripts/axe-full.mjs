// `npm run test:axe-full`: the accessibility sweep over the full product — every page and the presenter view, at
// 390, 1024, 1280×720 and 1920×1080, in both themes and both languages — against the production build (built
// first when stale). CI runs a pairwise subset (e2e/accessibility.spec.ts says why); run this on a quiet machine,
// it takes a while. Extra arguments go to Playwright, e.g. `npm run test:axe-full -- --grep /compare`.
import { buildIfStale, ensureDependencies, findBrowser, freePort, run } from "./lib.mjs";

await ensureDependencies();
const browser = await findBrowser();
if (browser.error) {
  console.error(browser.error);
  process.exit(1);
}
await buildIfStale();
const port = process.env.E2E_PORT ?? String(await freePort(3100));
const code = await run("npx", ["playwright", "test", "e2e/accessibility.spec.ts", "--grep", "axe finds nothing", ...process.argv.slice(2)], {
  env: { AXE_FULL: "1", E2E_PORT: port, ...(browser.path && { CHROMIUM_PATH: browser.path }) },
});
process.exit(code);
