import { http } from "msw";
import type { Sandbox } from "@/lib/sandbox";

const PREFIXES = ["id-porten", "maskinporten", "dialogporten", "authorization", "service-provider", "sandbox"];

/**
 * MSW handlers that mount the very same Fetch handlers the Next routes serve, one per service
 * prefix, on every origin the sandbox is configured with.
 */
export function sandboxHandlers(sandbox: Sandbox) {
  const origins = new Set([sandbox.config.origin, sandbox.config.serviceProviderOrigin, ...Object.values(sandbox.config.internal)]);
  return [...origins].flatMap((origin) => PREFIXES.map((prefix) => http.all(`${origin}/${prefix}/*`, ({ request }) => sandbox.handle(request))));
}
