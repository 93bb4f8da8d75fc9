import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// lib/ must stay framework-free so the same handlers run under Next, MSW and the CLI (DESIGN.md, principle 2).
const frameworkFree = {
  files: ["lib/**/*.ts"],
  ignores: ["lib/**/*.test.ts", "lib/**/*.test-helper.ts", "lib/**/*.test-data.ts"],
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [
        { group: ["next", "next/*"], message: "lib/ is framework-free: no next/* imports." },
        { group: ["server-only"], message: "lib/ is framework-free: no server-only." },
        { group: ["node:*"], message: "lib/ uses Web APIs only: no node:* imports." },
        { group: ["react", "react-dom", "react/*"], message: "lib/ holds no UI code." },
      ],
    }],
  },
};

const config = [
  { ignores: [".next/**", "node_modules/**", "public/mockServiceWorker.js", "next-env.d.ts", ".ci-out/**", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTs,
  frameworkFree,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
