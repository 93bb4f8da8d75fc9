// Types for provider.mjs, which stays plain JavaScript so it shares nothing with the project's verifier.
export type Flaw = "none" | "no-expiry-check" | "ignores-dialog" | "bare-action" | "no-issuer-pin";
export const FLAWS: readonly Flaw[];

export function verifyWithJwks(token: string, jwks: { keys: readonly object[] }): { header: Record<string, unknown>; claims: Record<string, unknown> };

export function startProvider(options: {
  flaw?: Flaw;
  jwksUrl: string;
  issuer: string;
  action: string;
  skewSeconds?: number;
}): Promise<{ url: string; close: () => Promise<void> }>;
