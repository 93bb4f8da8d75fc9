import type { FaultName } from "../shared/faults";
import { json } from "../shared/problem";
import type { XacmlResponseRoot } from "../altinn/xacml";

/** What an API gateway in maintenance mode might answer with a 200: anything but XACML. */
export const GARBAGE_BODY =
  "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Altinn Authorization is under maintenance</h1></body></html>";

/**
 * Injected PDP faults (docs/decisions/014-fault-injection.md): `pdp-garbage` answers an HTML page with status 200,
 * `pdp-truncate` answers only the first decision. Returns null when no PDP fault was asked for.
 */
export function faultyAnswer(faults: ReadonlySet<FaultName>, response: XacmlResponseRoot): Response | null {
  if (faults.has("pdp-garbage"))
    return new Response(GARBAGE_BODY, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  if (faults.has("pdp-truncate")) return json({ ...response, Response: response.Response.slice(0, 1) });
  return null;
}
