import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeVerdict } from "./time-verdict";
import { verifierSays } from "./time-verdict.test-helper";

describe("the clock panel's prediction, as a property", () => {
  it("agrees with the provider's verifier for any skews, leeway and time between issue and check", async () => {
    const seconds = (max: number) => fc.integer({ min: -max, max });
    await fc.assert(
      fc.asyncProperty(
        seconds(3600),
        seconds(3600),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 7200 }),
        async (skewDp, skewSp, leewaySeconds, elapsedSeconds) => {
          const input = { skewDp, skewSp, leewaySeconds, elapsedSeconds };
          expect(timeVerdict(input).outcome).toBe(await verifierSays(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});
