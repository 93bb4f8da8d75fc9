import { afterEach, expect } from "vitest";
import { bodyOf, documentOf, responseProblems } from "@/lib/altinn/openapi-check.test-helper";
import type { Sandbox } from "@/lib/sandbox";
import type { Handler } from "@/lib/shared/types";

/**
 * Every end-user and service-owner answer a test's sandbox gives, checked strictly against the real
 * OpenAPI documents — whoever asked (a test, the end-user system, the provider's back channel) — so no
 * response escapes the check (docs/fidelity.md). A mismatch fails the test that caused it, after it ran.
 */
export function validatingHandle(handle: Handler): Handler {
  const problems: string[] = [];
  afterEach(() => {
    const found = problems.splice(0);
    expect(found, "responses that do not match the real OpenAPI documents").toEqual([]);
  });
  return async (request) => {
    const response = await handle(request);
    const doc = documentOf(request.url);
    if (doc) {
      const text = await response.clone().text();
      problems.push(...responseProblems(doc, request.method, request.url, response.status, bodyOf(text)));
    }
    return response;
  };
}

/** `startSandboxServer` for a test file that builds its own sandbox: the same check on every answer. */
export const validated = (sandbox: Sandbox): Sandbox => ({ ...sandbox, handle: validatingHandle(sandbox.handle) });
