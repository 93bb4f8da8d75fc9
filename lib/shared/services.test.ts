import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IDENTITY_PROVIDERS, identityProviderOf, SERVICE_PREFIXES, serviceAt, SANDBOX_API_PREFIX } from "./services";

describe("service prefixes", () => {
  // Next routes by folder, so app/ cannot import the list: each prefix needs its catch-all route, and no route may serve a prefix the sandbox does not know.
  it("match the catch-all route folders in app/", () => {
    const routed = readdirSync("app", { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`app/${d.name}/[...path]/route.ts`))
      .map((d) => d.name);
    expect(routed.sort()).toEqual([...Object.keys(SERVICE_PREFIXES), SANDBOX_API_PREFIX].sort());
  });

  it("name the actor by the first path segment only", () => {
    expect(serviceAt("/dialogporten/api/v1/enduser/dialogs/x")).toBe("dialogporten");
    expect(serviceAt("/maskinporten/token")).toBe("id-porten");
    expect(serviceAt("/service-provider/fce/x")).toBe("service-provider");
    expect(serviceAt("/api/dialogporten/x")).toBeUndefined();
    expect(serviceAt("/")).toBeUndefined();
    expect(serviceAt("")).toBeUndefined();
  });

  it("never treat an inherited property as a prefix", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect(serviceAt(`/${name}/x`)).toBeUndefined();
  });

  it("give every identity provider a prefix the identity-provider actor serves", () => {
    for (const p of IDENTITY_PROVIDERS) expect(SERVICE_PREFIXES[p]).toBe("id-porten");
    expect(identityProviderOf({ provider: "Maskinporten" })).toBe("maskinporten");
    expect(identityProviderOf({ provider: "ID-porten" })).toBe("id-porten");
  });
});
