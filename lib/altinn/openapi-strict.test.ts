import { describe, expect, it } from "vitest";
import { expectValidResponse } from "./openapi.test-helper";

const ID = "019ad0c2-7000-7a3b-9c4d-000000000101";
const activityPath = `/dialogporten/api/v1/serviceowner/dialogs/${ID}/activities/${ID}`;
const activity = { id: ID, type: "Information", performedBy: { actorType: "ServiceOwner" } };

describe("expectValidResponse: strict against the real OpenAPI documents", () => {
  it("accepts a body the document describes", () => {
    expectValidResponse("serviceowner", "GET", activityPath, 200, activity);
    expectValidResponse("serviceowner", "POST", "/dialogporten/api/v1/serviceowner/dialogs", 201, ID);
  });

  it("fails on a property the document does not name, an unknown enum value, or an undocumented status", () => {
    expect(() => expectValidResponse("serviceowner", "GET", activityPath, 200, { ...activity, code: "x" })).toThrow();
    expect(() => expectValidResponse("serviceowner", "GET", activityPath, 200, { ...activity, type: "Bogus" })).toThrow();
    expect(() => expectValidResponse("serviceowner", "GET", activityPath, 418, activity)).toThrow();
    expect(() => expectValidResponse("serviceowner", "GET", "/dialogporten/api/v1/nowhere", 200, {})).toThrow();
  });

  it("reads the end-user document too", () => {
    expectValidResponse("enduser", "GET", "/dialogporten/api/v1/enduser/dialogs?party=x", 200, { items: [], hasNextPage: false, orderBy: "createdAt_desc" });
    expect(() => expectValidResponse("enduser", "GET", "/dialogporten/api/v1/enduser/dialogs", 200, { items: [], hasNextPage: "no" })).toThrow();
  });
});
