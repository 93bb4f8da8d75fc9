import { expect } from "vitest";
import { seedDialogs } from "../seed/dialogs";
import { serviceResources } from "../seed/resources";
import { TEST_ISSUER, TEST_METADATA_URL, TEST_NOW, fakeDialogporten, makeToken, testJwks } from "./fixtures/sandbox-tokens";
import { createServiceProviderService } from "./handler";
import type { ServiceProviderOptions } from "./handler";

/** The provider alone, with a fake Dialogporten behind it: what the handler tests share. */
export const SP = "http://sp.test";
export const UI_ORIGIN = "http://ui.test";

export async function setup(over: Partial<ServiceProviderOptions> = {}) {
  const dp = fakeDialogporten(await testJwks());
  const clock = { now: TEST_NOW };
  const sp = createServiceProviderService({
    fetch: dp.fetch,
    now: () => clock.now,
    metadataUrl: TEST_METADATA_URL,
    issuer: TEST_ISSUER,
    clockSkewSeconds: 10,
    jwksCacheTtlSeconds: 3600,
    allowedOrigins: [UI_ORIGIN],
    dialogs: seedDialogs,
    resources: serviceResources,
    ...over,
  });
  return { sp, dp, clock };
}

export const token = (dialogId: string, a = "read", extra: Record<string, unknown> = {}) => makeToken({ claims: { i: dialogId, a, ...extra } });

export function req(path: string, init: RequestInit & { bearer?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.bearer) headers.set("authorization", `Bearer ${init.bearer}`);
  return new Request(`${SP}${path}`, { ...init, headers });
}

export async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { code: string; status: number; detail?: string };
}
