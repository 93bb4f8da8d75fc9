import type { Actor } from "./trace";

/**
 * The first path segment of every mock service, and the actor that answers under it. lib/sandbox.ts
 * dispatches on it and mocks/ mounts MSW handlers for it; app/ needs one route folder per entry
 * (folders cannot import a constant, so services.test.ts checks they match).
 */
export const SERVICE_PREFIXES = {
  "id-porten": "id-porten",
  maskinporten: "id-porten",
  dialogporten: "dialogporten",
  authorization: "authorization",
  "service-provider": "service-provider",
} as const satisfies Record<string, Exclude<Actor, "end-user-system">>;

/** The sandbox's own API (workspaces, test tokens): no actor of the sequence, but routed like the services. */
export const SANDBOX_API_PREFIX = "sandbox";

/** The two identity providers the mock serves, each under its own prefix: ID-porten for people, Maskinporten for systems. */
export const IDENTITY_PROVIDERS = ["id-porten", "maskinporten"] as const;
export type IdentityProvider = (typeof IDENTITY_PROVIDERS)[number];

/** Where a persona signs in, from its `provider` ("ID-porten" or "Maskinporten"). */
export function identityProviderOf(persona: { provider: "ID-porten" | "Maskinporten" }): IdentityProvider {
  return persona.provider === "Maskinporten" ? "maskinporten" : "id-porten";
}

/** The actor that serves a path, by its first segment; own keys only, so `/constructor/…` is nobody's. */
export function serviceAt(pathname: string): Exclude<Actor, "end-user-system"> | undefined {
  const first = pathname.split("/")[1] ?? "";
  return Object.hasOwn(SERVICE_PREFIXES, first) ? SERVICE_PREFIXES[first as keyof typeof SERVICE_PREFIXES] : undefined;
}
