import { describe, expect, it } from "vitest";
import { timeVerdict, type TimeInput } from "./time-verdict";
import { verifierSays } from "./time-verdict.test-helper";

describe("the clock panel's prediction for step 5", () => {
  it.each<[string, TimeInput, string]>([
    ["no skew, checked at once", { skewDp: 0, skewSp: 0, leewaySeconds: 10 }, "accepted"],
    ["a jump of 11 min after step 3", { skewDp: 0, skewSp: 0, leewaySeconds: 10, elapsedSeconds: 660 }, "token_expired"],
    ["a jump of 5 min after step 3", { skewDp: 0, skewSp: 0, leewaySeconds: 10, elapsedSeconds: 300 }, "accepted"],
    ["Dialogporten 2 min ahead", { skewDp: 120, skewSp: 0, leewaySeconds: 10 }, "token_not_yet_valid"],
    ["Dialogporten ahead by the leeway exactly", { skewDp: 10, skewSp: 0, leewaySeconds: 10 }, "accepted"],
    ["the provider 11 min ahead", { skewDp: 0, skewSp: 660, leewaySeconds: 10 }, "token_expired"],
    ["both ahead alike", { skewDp: 300, skewSp: 300, leewaySeconds: 10 }, "accepted"],
  ])("%s: %s", async (_name, input, outcome) => {
    expect(timeVerdict(input).outcome).toBe(outcome);
    expect(await verifierSays(input)).toBe(outcome);
  });

  it("says how far past the leeway a refused token is", () => {
    expect(timeVerdict({ skewDp: 120, skewSp: 0, leewaySeconds: 10 })).toEqual({ outcome: "token_not_yet_valid", gapSeconds: -120, beyondSeconds: 110 });
    expect(timeVerdict({ skewDp: 0, skewSp: 0, leewaySeconds: 10, elapsedSeconds: 660 })).toEqual({
      outcome: "token_expired",
      gapSeconds: 660,
      beyondSeconds: 50,
    });
  });
});
