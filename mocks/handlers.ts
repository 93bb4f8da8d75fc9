import { http } from "msw";
import type { Sandbox } from "@/lib/sandbox";
import { SANDBOX_API_PREFIX, SERVICE_PREFIXES } from "@/lib/shared/services";

/** The services, and the sandbox's own API under /sandbox/ (workspaces, test tokens), which is no actor of the sequence. */
const PREFIXES = [...Object.keys(SERVICE_PREFIXES), SANDBOX_API_PREFIX];

/**
 * MSW handlers that mount the very same Fetch handlers the Next routes serve, one per service
 * prefix, on every origin the sandbox is configured with.
 */
export function sandboxHandlers(sandbox: Sandbox) {
  const origins = new Set([sandbox.config.origin, sandbox.config.serviceProviderOrigin, ...Object.values(sandbox.config.internal)]);
  return [...origins].flatMap((origin) => PREFIXES.map((prefix) => http.all(`${origin}/${prefix}/*`, ({ request }) => sandbox.handle(request))));
}
