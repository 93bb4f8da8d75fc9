import type { Policy, RoleAssignment } from "../altinn/resource-registry";
import type { ServiceResource } from "../altinn/resource-registry";
import { delay } from "../shared/delay";
import { parseFaults } from "../shared/faults";
import { json } from "../shared/problem";
import { problem } from "./codes";
import { readJson, router } from "../shared/router";
import { attachTrace, wantsTrace } from "../shared/trace";
import type { Handler } from "../shared/types";
import { workspaceOf } from "../shared/workspace";
import { decide } from "./decide";
import { faultyAnswer } from "./faults";
import { parseXacmlRequest } from "./parse";
import { traceFor } from "./trace-notes";

interface AuthorizationServiceOptions {
  policies: Policy[];
  roles: RoleAssignment[];
  resources: ServiceResource[];
  /** A workspace's own policies (the policy editor); without it every workspace evaluates `policies`. */
  policiesOf?: (workspace: string) => Promise<Policy[]>;
  /** Simulated network latency to the PDP, asked once per request (the legacy comparison, benchmarks). The answer waits, not the decision. */
  latencyMs?: (request: Request) => number;
}

export const AUTHORIZE_PATH = "/authorization/api/v1/authorize";
export const MAX_BODY_BYTES = 256 * 1024;

/** The mock Altinn Authorization PDP: `POST /authorization/api/v1/authorize` with an XACML JSON request. */
export function createAuthorizationService(opts: AuthorizationServiceOptions): Handler {
  const data = { policies: opts.policies, roles: opts.roles, resources: opts.resources };

  const authorize = async (request: Request): Promise<Response> => {
    const response = await answer(request);
    await delay(opts.latencyMs?.(request) ?? 0, request.signal);
    return response;
  };

  const answer = async (request: Request): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    const faults = parseFaults(request);
    if (!faults.ok) return faults.response;
    const workspace = workspaceOf(request);
    if (!workspace.ok) return workspace.response;
    const body = await readJson(request, MAX_BODY_BYTES).catch(() => null);
    // A body stream that breaks mid-read is the client's fault, not ours: a 400, never a 5xx.
    if (body === null) return problem({ status: 400, title: "Bad Request", code: "unreadable_body", detail: "The request body could not be read.", instance });
    if (!body.ok) return body.response;

    const parsed = parseXacmlRequest(body.value);
    if (!parsed.ok) {
      return problem({
        status: 400,
        title: "One or more validation errors occurred.",
        code: parsed.code,
        detail: parsed.detail,
        instance,
        errors: { [parsed.path]: [parsed.detail] },
      });
    }

    const policies = opts.policiesOf ? await opts.policiesOf(workspace.workspace) : data.policies;
    const { response, explanations } = decide(parsed.request, { ...data, policies });
    const ok = faultyAnswer(faults.faults, response) ?? json(response);
    // Fitting the trace costs a few gzip passes; skip them for callers that did not ask.
    return wantsTrace(request) ? attachTrace(request, ok, await traceFor(explanations)) : ok;
  };

  return router([{ path: AUTHORIZE_PATH, methods: { POST: authorize } }]);
}
