import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    // The property tests run hundreds of real requests each: on two shared cores under load, Vitest's
    // 5 s default fails them for being slow, not wrong. A hang still fails, just later.
    testTimeout: 30_000,
    include: ["*.test.ts", "lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
  },
});
