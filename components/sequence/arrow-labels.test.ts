import { describe, expect, it } from "vitest";
import { shortPath } from "./arrow-labels";

describe("shortPath", () => {
  it("puts placeholders for the workspace segment and the dialog id, not for part of the workspace id", () => {
    const path = "/service-provider/ws/ws-6fe7a486-06f6-4fb7-866d-59ab71cf38dc/fce/019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02";
    expect(shortPath(path)).toBe("/service-provider/ws/{ws}/fce/{id}");
  });

  it("leaves a path without a workspace segment its route, the dialog id a placeholder", () => {
    expect(shortPath("/service-provider/fce/019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02/submit")).toBe("/service-provider/fce/{id}/submit");
  });
});
