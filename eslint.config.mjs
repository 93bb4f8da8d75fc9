import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layers of lib/ (docs/design.md): contracts (lib/altinn) and shared pieces at the bottom, one folder
// per service above them, the end-user system, the catalogue and the UI on top.
const SERVICES = ["dialogporten", "authorization", "service-provider", "id-porten", "sandbox-api"];
const ABOVE_SERVICES = ["end-user-system", "catalogue", "conformance"];
const TEST_FILES = ["lib/**/*.test.ts", "lib/**/*.test-helper.ts", "lib/**/*.test-data.ts"];

// lib/ must stay framework-free so the same handlers run under Next, MSW and the CLI (docs/design.md, principle 2).
const frameworkFree = [
  { group: ["next", "next/*"], message: "lib/ is framework-free: no next/* imports." },
  { group: ["server-only"], message: "lib/ is framework-free: no server-only." },
  { group: ["node:*"], message: "lib/ uses Web APIs only: no node:* imports." },
  { group: ["react", "react-dom", "react/*"], message: "lib/ holds no UI code." },
];

const folder = (name) => [`**/${name}`, `**/${name}/**`];
const noImportOf = (names, why) => names.map((name) => ({ group: folder(name), message: `${why} (lib/${name}).` }));

// Services share contracts, never code (docs/design.md, principle 9): each service folder may import
// lib/altinn, lib/shared, lib/keys and the seed, but no other service and nothing that sits above it.
// Tests may drive a service through the end-user system, as a real client would.
const boundaries = SERVICES.flatMap((service) => {
  const others = SERVICES.filter((s) => s !== service);
  const otherServices = noImportOf(others, `lib/${service} is a service: it talks to other services over HTTP and shares only lib/altinn contracts`);
  const upward = noImportOf(ABOVE_SERVICES, `lib/${service} is a service: it cannot depend on a layer above it`);
  return [
    {
      files: [`lib/${service}/**/*.ts`],
      ignores: TEST_FILES,
      rules: { "no-restricted-imports": ["error", { patterns: [...frameworkFree, ...otherServices, ...upward] }] },
    },
    { files: TEST_FILES.map((t) => t.replace("lib/**", `lib/${service}/**`)), rules: { "no-restricted-imports": ["error", { patterns: otherServices }] } },
  ];
});

// The contracts and shared pieces sit below every service.
const bottom = ["altinn", "shared", "keys", "seed"].map((layer) => ({
  files: [`lib/${layer}/**/*.ts`],
  ignores: TEST_FILES,
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [...frameworkFree, ...noImportOf([...SERVICES, ...ABOVE_SERVICES], `lib/${layer} sits below the services`)] },
    ],
  },
}));

// The end-user system is a client: it knows the services only by their URLs and the contracts.
const client = {
  files: ["lib/end-user-system/**/*.ts"],
  ignores: TEST_FILES,
  rules: {
    "no-restricted-imports": ["error", { patterns: [...frameworkFree, ...noImportOf(SERVICES, "the end-user system reaches services over HTTP only")] }],
  },
};

const config = [
  { ignores: [".next/**", "node_modules/**", "next-env.d.ts", ".ci-out/**", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTs,
  { files: ["lib/**/*.ts"], ignores: TEST_FILES, rules: { "no-restricted-imports": ["error", { patterns: frameworkFree }] } },
  ...bottom,
  ...boundaries,
  client,
  // Rules that need types: a promise nobody awaits hides its failure; a switch over a union must cover it
  // (a new result code or step then fails the lint, not a user); type-only imports stay out of the bundle.
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
