import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, tried on code that breaks them: a rule that never fires protects nothing.
// The probes are files no tsconfig knows, so the type-aware rules (and the project service) are off for them.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/switch-exhaustiveness-check": "off",
      "@typescript-eslint/consistent-type-imports": "off",
    },
  },
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A probe that does not even parse would pass every "may" case silently.
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
  // The first lint loads every plugin and the TypeScript parser: seconds on a busy machine. Pay it here,
  // with room, so no single case runs into the per-test timeout.
  beforeAll(() => restricted("lib/shared/warm-up.ts", "export {};\n"), 60_000);

  it.each([
    ["lib/service-provider/probe.ts", 'import { x } from "../dialogporten/handler";'],
    ["lib/dialogporten/probe.ts", 'import { x } from "@/lib/authorization/decide";'],
    ["lib/authorization/probe.ts", 'import { x } from "../id-porten/handler";'],
    ["lib/id-porten/probe.ts", 'import { x } from "../service-provider";'],
    ["lib/dialogporten/probe.ts", 'import { x } from "../end-user-system/calls";'],
    ["lib/altinn/probe.ts", 'import { x } from "../dialogporten/token";'],
    ["lib/seed/probe.ts", 'import { x } from "../service-provider/verify";'],
    ["lib/service-provider/probe.test.ts", 'import { x } from "../dialogporten/handler";'],
    ["lib/end-user-system/probe.ts", 'import { x } from "../dialogporten/handler";'],
    ["lib/sandbox-api/probe.ts", 'import { x } from "../dialogporten/token";'],
    ["lib/sandbox-api/probe.ts", 'import { x } from "../conformance/run";'],
  ])("%s may not: %s", async (file, code) => {
    expect(await restricted(file, `${code}\nexport const y = x;\n`)).toHaveLength(1);
  });

  it.each([
    ["lib/service-provider/probe.ts", 'import { x } from "../altinn/dialog-token";'],
    ["lib/dialogporten/probe.ts", 'import { x } from "../shared/trace";'],
    ["lib/service-provider/probe.test.ts", 'import { x } from "../end-user-system/flow";'],
    ["lib/catalogue/probe.ts", 'import type { x } from "../service-provider/types";'],
    ["lib/sandbox-api/probe.ts", 'import { x } from "../keys/keys";'],
    ["lib/conformance/probe.ts", 'import { x } from "../catalogue/mutate";'],
  ])("%s may: %s", async (file, code) => {
    expect(await restricted(file, `${code}\nexport const y = x;\n`)).toEqual([]);
  });

  it("keeps lib/ framework-free", async () => {
    expect(await restricted("lib/shared/probe.ts", 'import { x } from "node:fs";\nexport const y = x;\n')).toHaveLength(1);
  });
});
