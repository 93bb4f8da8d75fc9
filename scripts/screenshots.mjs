// `npm run screenshots`: regenerate docs/screenshots/*.png (the README's pictures) from the production build.
// Only on request: `npm test` runs the same flows but leaves tracked files alone. SCREENSHOTS_DIR=/some/folder
// writes them there instead (to look at them without touching docs/).
import { buildIfStale, ensureDependencies, findBrowser, freePort, run } from "./lib.mjs";

await ensureDependencies();
const browser = await findBrowser();
if (browser.error) {
  console.error(browser.error);
  process.exit(1);
}
await buildIfStale();
const port = process.env.E2E_PORT ?? String(await freePort(3100));
const code = await run("npx", ["playwright", "test", "e2e/screenshots.spec.ts"], {
  env: { SCREENSHOTS: "1", E2E_PORT: port, ...(browser.path && { CHROMIUM_PATH: browser.path }) },
});
if (code === 0 && process.env.SCREENSHOTS_DIR) console.log(`› Screenshots written to ${process.env.SCREENSHOTS_DIR}.`);
else if (code === 0) console.log("› Screenshots written to docs/screenshots/ — review them with git diff before committing.");
process.exit(code);
