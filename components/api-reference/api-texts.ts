import type { Text } from "../i18n/text";

export const API_PAGE = {
  metaTitle: { en: "API · Dialog Token Sandbox", nb: "API · Dialog Token Sandbox" },
  title: { en: "Dialog Token Sandbox: API", nb: "Dialog Token Sandbox: API" },
  intro: {
    en: "Every endpoint the sandbox serves — the mocks, the test-token and conformance API, and the sandbox's own request headers — from the OpenAPI 3.1 document at /sandbox/api/v1/openapi.json, which a test keeps in step with the routes.",
    nb: "Alle endepunktene sandkassen tilbyr — etterligningene, API-et for testtokener og samsvarstest, og sandkassens egne forespørselshoder — hentet fra OpenAPI 3.1-dokumentet på /sandbox/api/v1/openapi.json, som en test holder i takt med rutene.",
  },
} satisfies Record<string, Text>;
