import { problem } from "./problem";
import type { SharedCode } from "./problem";

/**
 * Fault injection (docs/decisions/014-fault-injection.md). A caller may ask, per request, for a fault
 * in the `sandbox-fault` header (a comma-separated list) and for a skewed Dialogporten clock in
 * `sandbox-clock-offset`. Stateless: nothing outlives the request. Every fault can only make a run
 * fail — none can make a token pass that would otherwise be refused — and the service provider's own
 * clock can never be moved from outside.
 */
export const FAULT_HEADER = "sandbox-fault";
const CLOCK_OFFSET_HEADER = "sandbox-clock-offset";
/**
 * Per-request PDP latency (0–2000 ms) on the legacy path's call to Authorization: the end-user system
 * sends it, the service provider allows and forwards it, the sandbox honours it.
 */
export const PDP_LATENCY_HEADER = "sandbox-pdp-latency-ms";
/** Dialogporten's clock may be shifted at most an hour either way. */
const MAX_CLOCK_OFFSET_SECONDS = 3600;
/** A fault header is a short list of names; anything longer is refused before it is parsed. */
const MAX_FAULT_HEADER_CHARS = 256;

/** Every fault, the service that honours it and what it does. Others ignore a name that is not theirs. */
export const FAULTS = {
  "pdp-down": { service: "dialogporten", effect: "Dialogporten calls Altinn Authorization at an address where nothing listens (a real connection error)." },
  "pdp-truncate": { service: "authorization", effect: "Altinn Authorization answers only the first of the decisions it was asked for." },
  "pdp-garbage": { service: "authorization", effect: "Altinn Authorization answers 200 with an HTML maintenance page instead of XACML JSON." },
  "issuer-other-environment": { service: "dialogporten", effect: "Dialogporten issues the token as another environment (at23) would: same keys, another iss." },
  "typ-context-token": {
    service: "dialogporten",
    effect: 'Dialogporten signs the token with typ "dialogcontexttoken+jwt", another kind of token from the same keys.',
  },
  "jwks-unavailable": { service: "dialogporten", effect: "Dialogporten's JWKS and metadata endpoints answer 503 (maintenance)." },
  "jwks-down": {
    service: "service-provider",
    effect: "The service provider must refresh its keys now, and Dialogporten's JWKS answers 503; its cached keys are all it has.",
  },
  "jwks-cold": {
    service: "service-provider",
    effect: "The service provider starts with an empty key cache for this request, and Dialogporten's JWKS answers 503.",
  },
  "naive-action-check": {
    service: "service-provider",
    effect: "The service provider also asks for the bare action name, as the misused SDK call of Dialogporten #4043 does.",
  },
  "require-level-4": {
    service: "service-provider",
    effect: "The service provider requires authentication level 4 for this request, stricter than the resource's minimum.",
  },
} as const satisfies Record<string, { service: "dialogporten" | "authorization" | "service-provider"; effect: string }>;

export type FaultName = keyof typeof FAULTS;

/** Faults Dialogporten forwards to Altinn Authorization on its decision request. */
export const FORWARDED_TO_AUTHORIZATION: readonly FaultName[] = ["pdp-truncate", "pdp-garbage"];

const isFault = (name: string): name is FaultName => Object.hasOwn(FAULTS, name);

type FaultParse = { ok: true; faults: ReadonlySet<FaultName> } | { ok: false; response: Response };

function invalid(request: Request, code: SharedCode, detail: string): FaultParse {
  return { ok: false, response: problem({ status: 400, title: "Bad Request", code, detail, instance: new URL(request.url).pathname }) };
}

/** Reads `sandbox-fault`. An unknown name is a 400, so a typo never silently runs the unfaulted flow. */
export function parseFaults(request: Request): FaultParse {
  const raw = request.headers.get(FAULT_HEADER);
  if (raw === null || raw.trim() === "") return { ok: true, faults: new Set() };
  if (raw.length > MAX_FAULT_HEADER_CHARS) return invalid(request, "fault_invalid", `${FAULT_HEADER} may be at most ${MAX_FAULT_HEADER_CHARS} characters.`);
  const names = raw
    .split(",")
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !isFault(n));
  if (unknown.length > 0) return invalid(request, "fault_invalid", `Unknown fault(s): ${unknown.join(", ")}. Known: ${Object.keys(FAULTS).join(", ")}.`);
  return { ok: true, faults: new Set(names as FaultName[]) };
}

type ClockOffsetParse = { ok: true; seconds: number } | { ok: false; response: Response };

/** Reads `sandbox-clock-offset`: whole seconds, at most an hour either way. */
export function parseClockOffset(request: Request): ClockOffsetParse {
  const raw = request.headers.get(CLOCK_OFFSET_HEADER);
  if (raw === null || raw.trim() === "") return { ok: true, seconds: 0 };
  const text = raw.trim();
  const n = /^[+-]?\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || Math.abs(n) > MAX_CLOCK_OFFSET_SECONDS) {
    const detail = `${CLOCK_OFFSET_HEADER} must be whole seconds between -${MAX_CLOCK_OFFSET_SECONDS} and ${MAX_CLOCK_OFFSET_SECONDS}.`;
    return {
      ok: false,
      response: problem({ status: 400, title: "Bad Request", code: "clock_offset_invalid", detail, instance: new URL(request.url).pathname }),
    };
  }
  return { ok: true, seconds: n };
}

/** What an end-user system may ask for on one run: faults per service and a skewed Dialogporten clock. */
export interface FlowFaults {
  dialogporten?: FaultName[];
  serviceProvider?: FaultName[];
  /** Dialogporten's clock, in seconds ahead (+) or behind (-) the true time, when it issues the token. */
  clockOffsetSeconds?: number;
}

/** The request headers that ask one service for the faults of a run. */
export function faultHeaders(faults: FlowFaults | undefined, to: "dialogporten" | "service-provider"): Record<string, string> {
  if (!faults) return {};
  const headers: Record<string, string> = {};
  const names = to === "dialogporten" ? faults.dialogporten : faults.serviceProvider;
  if (names && names.length > 0) headers[FAULT_HEADER] = names.join(", ");
  if (to === "dialogporten" && faults.clockOffsetSeconds) headers[CLOCK_OFFSET_HEADER] = String(faults.clockOffsetSeconds);
  return headers;
}

/** Wraps a fetch so every request it makes carries the given faults (the service provider's degraded key fetch). */
export function withFaultHeader<F extends (input: string | URL | Request, init?: RequestInit) => Promise<Response>>(fetchImpl: F, names: FaultName[]): F {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set(FAULT_HEADER, names.join(", "));
    return fetchImpl(input, { ...init, headers });
  }) as F;
}
