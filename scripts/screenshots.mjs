// `npm run screenshots`: regenerate docs/screenshots/*.png (the README's pictures) from the production build.
// Only on request: `npm test` does not run this generator (playwright.config.ts ignores it without SCREENSHOTS=1). SCREENSHOTS_DIR=/some/folder
// writes them there instead (to look at them without touching docs/).
import { playwrightAgainstBuild } from "./lib.mjs";

const code = await playwrightAgainstBuild(["e2e/screenshots.spec.ts"], { SCREENSHOTS: "1" });
if (code === 0 && process.env.SCREENSHOTS_DIR) console.log(`› Screenshots written to ${process.env.SCREENSHOTS_DIR}.`);
else if (code === 0) console.log("› Screenshots written to docs/screenshots/ — review them with git diff before committing.");
process.exit(code);
