import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { PageShell, sandboxOriginNow } from "@/components/ui/page-shell";

export const metadata: Metadata = { title: "API · Dialog Token Sandbox" };

export default async function ApiReferencePage() {
  const intro =
    "Every endpoint the sandbox serves — the mocks, the test-token and conformance API, and the sandbox's own request headers — from the OpenAPI 3.1 document at /sandbox/api/v1/openapi.json, which a test keeps in step with the routes.";
  return (
    <PageShell title="Dialog Token Sandbox: API" current="/api-reference" intro={intro}>
      <ApiReference origin={await sandboxOriginNow()} />
    </PageShell>
  );
}
