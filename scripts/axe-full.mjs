// `npm run test:axe-full`: the accessibility sweep over the full product — every page and the presenter view, at
// 390, 1024, 1280×720 and 1920×1080, in both themes and both languages — against the production build (built
// first when stale). CI runs a pairwise subset (e2e/accessibility.spec.ts says why); run this on a quiet machine,
// it takes a while. Extra arguments go to Playwright, e.g. `npm run test:axe-full -- --grep /compare`.
import { playwrightAgainstBuild } from "./lib.mjs";

const code = await playwrightAgainstBuild(
  ["e2e/accessibility.spec.ts", "e2e/accessibility-full.spec.ts", "--grep", "axe finds nothing", ...process.argv.slice(2)],
  { AXE_FULL: "1" },
);
process.exit(code);
