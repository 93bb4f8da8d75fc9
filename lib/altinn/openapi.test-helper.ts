import { expect } from "vitest";
import type { DocName } from "./openapi-check.test-helper";
import { responseProblems, schemaValidator } from "./openapi-check.test-helper";

/** A validator for one schema of the real document (strict), for a value that is not a whole response. */
export const openApiValidator = (schemaName: string, docName: DocName = "enduser") => schemaValidator(schemaName, docName);

/**
 * Strict response check (openapi-check.test-helper.ts) as a Vitest assertion. Tests that go through
 * `sandboxSuite` need not call it: every end-user and service-owner response there is checked already.
 */
export function expectValidResponse(docName: DocName, method: string, path: string, status: number, body: unknown): void {
  expect(responseProblems(docName, method, path, status, body)).toEqual([]);
}
