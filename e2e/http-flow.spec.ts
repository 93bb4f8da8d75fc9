import { expect, test } from "./fixtures";
import { EXPECTED_OUTCOMES, expected, observe } from "../lib/end-user-system/expected-outcomes.test-data";
import { runFlow } from "../lib/end-user-system/flow";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { findPersona } from "../lib/seed/personas";
import { APP_ORIGIN } from "../playwright.config";

// Steps 0–6 against the built app over real HTTP (no browser): the same oracle as the in-process suite.
test.describe("steps 0–6 over real HTTP for every persona × dialog", () => {
  for (const row of EXPECTED_OUTCOMES) {
    test(`${row.persona} × ${row.dialog}`, async () => {
      const trace = await runFlow(
        { fetch: (i, init) => fetch(i, init), baseUrl: APP_ORIGIN, trace: true },
        { persona: findPersona(row.persona)!, dialogId: DIALOG_ID[row.dialog], action: { kind: "embed" }, serviceProviderOrigin: APP_ORIGIN },
      );
      expect(observe(trace)).toEqual(expected(row, DIALOG_ID[row.dialog]));
    });
  }

  test("one full flow's timing is recorded", async ({}, testInfo) => {
    const ctx = { fetch: (i: string | URL | Request, init?: RequestInit) => fetch(i, init), baseUrl: APP_ORIGIN, trace: false };
    const input = { persona: findPersona("ola")!, dialogId: DIALOG_ID.vatReturn, action: { kind: "embed" as const }, serviceProviderOrigin: APP_ORIGIN };
    await runFlow(ctx, input); // warm-up: first requests compile nothing in a production build, but fill key caches
    const trace = await runFlow(ctx, input);
    expect(trace.outcome.ok).toBe(true);
    testInfo.annotations.push({ type: "full-flow-ms", description: String(trace.totalMs) });
  });
});
