import { TEST_ISSUER, TEST_NOW, makeToken, testJwks } from "@/lib/service-provider/fixtures/sandbox-tokens";
import { verifyDialogToken } from "@/lib/service-provider/verify";
import type { TimeInput } from "./time-verdict";

/** The provider's own verifier on a token issued on Dialogporten's clock and checked on the provider's. */
export async function verifierSays({ skewDp, skewSp, leewaySeconds, elapsedSeconds = 0 }: TimeInput): Promise<string> {
  const token = await makeToken({ issuedAt: TEST_NOW + skewDp * 1000 });
  const result = await verifyDialogToken(token, {
    jwks: await testJwks(),
    now: TEST_NOW + (elapsedSeconds + skewSp) * 1000,
    skewSeconds: leewaySeconds,
    expect: { issuer: TEST_ISSUER },
  });
  return result.valid ? "accepted" : (result.failure?.failure ?? "refused");
}
