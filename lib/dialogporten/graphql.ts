import { execute, subscribe, validate } from "graphql";
import { createHandler } from "graphql-sse/lib/use/fetch";
import type { SigningKey } from "../keys/keys";
import type { Route } from "../shared/router";
import { readJson } from "../shared/router";
import { attachTrace } from "../shared/trace";
import type { Clock } from "../shared/types";
import { workspaceOf } from "../shared/workspace";
import type { WorkspaceClockOf } from "../store/clock";
import { problem } from "./codes";
import type { DialogEvents } from "./events";
import { verifyDialogToken } from "./graphql-auth";
import type { SubscriptionContext } from "./graphql-schema";
import { createSubscriptionSchema } from "./graphql-schema";
import type { SubscriptionNotes } from "./trace-notes";

interface GraphQLOptions {
  issuer: string;
  /** The keys Dialogporten publishes in a workspace (ADR 019): the subscription trusts exactly those. */
  publishedKeys: (workspace: string) => Promise<SigningKey[]>;
  events: DialogEvents;
  now: Clock;
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
}

/** The whole GraphQL request (query, variables, operation name) is small; anything larger is refused, not read. */
const MAX_BODY_BYTES = 16 * 1024;
const EVENT_STREAM = "text/event-stream";

/**
 * `/dialogporten/graphql`: the end-user GraphQL API as far as a dialog token opens it — the `dialogEvents`
 * subscription over Server-Sent Events (docs/real-systems.md §9, §6.3), served by graphql-js and graphql-sse in
 * its distinct-connections mode, one stream per POST, as HotChocolate does. The dialog token is the whole
 * credential: a missing or refused token is a 401 before any GraphQL runs; a token for another dialog gets
 * the GraphQL authorization error in the stream.
 */
function createGraphQLEndpoint(opts: GraphQLOptions): (request: Request) => Promise<Response> {
  const schema = createSubscriptionSchema();
  // graphql-sse hands the original Request to `context` as `raw`; this is how each request finds its own.
  const contexts = new WeakMap<Request, SubscriptionContext>();
  const sse = createHandler<SubscriptionContext>({
    schema,
    // graphql-sse's own `import "graphql"` may load the CommonJS build beside this file's ES module one; the
    // schema only works with the functions of the copy that built it.
    validate,
    execute,
    subscribe,
    // No stream tokens: every request is its own stream (graphql-sse's "distinct connections mode").
    authenticate: () => null,
    context: (req) => contexts.get(req.raw)!,
  });

  return async (request) => {
    const instance = new URL(request.url).pathname;
    const notes: SubscriptionNotes = {};
    const finish = (response: Response) => attachTrace(request, response, { actor: "dialogporten", exchanges: [], notes });
    const scope = workspaceOf(request);
    if (!scope.ok) return finish(scope.response);
    const { workspace } = scope;

    const clock = opts.clockOf ? await opts.clockOf(workspace) : { now: opts.now };
    const auth = await verifyDialogToken(request.headers.get("authorization"), await opts.publishedKeys(workspace), opts.issuer, clock.now());
    if (!auth.ok) {
      notes.refused = { code: auth.code, detail: auth.detail };
      return finish(
        problem({
          status: 401,
          title: "Unauthorized",
          code: auth.code,
          detail: auth.detail,
          instance,
          headers: { "www-authenticate": `Bearer error="invalid_token", error_description="${auth.code}"` },
        }),
      );
    }
    notes.claims = auth.claims;
    const accepts = (request.headers.get("accept") ?? "").split(",").some((part) => part.split(";")[0]!.trim().toLowerCase() === EVENT_STREAM);
    if (!accepts) {
      return finish(
        problem({
          status: 406,
          title: "Not Acceptable",
          code: "not_acceptable",
          detail: `The sandbox serves Dialogporten's GraphQL subscription over Server-Sent Events: send Accept: ${EVENT_STREAM}.`,
          instance,
        }),
      );
    }

    let body: string | undefined;
    if (request.method === "POST") {
      const read = await readJson(request, MAX_BODY_BYTES);
      if (!read.ok) return finish(read.response);
      body = JSON.stringify(read.value);
    }
    // graphql-sse recognises a stream request by this exact Accept value.
    const headers = new Headers({ accept: EVENT_STREAM, ...(body !== undefined && { "content-type": "application/json; charset=utf-8" }) });
    const forwarded = new Request(request.url, { method: request.method, headers, body, signal: request.signal });
    const ctx: SubscriptionContext = {
      workspace,
      claims: auth.claims,
      events: opts.events,
      onPolicy: (outcome) => (notes.policy = outcome),
    };
    contexts.set(forwarded, ctx);
    return finish(await sse(forwarded));
  };
}

/**
 * The endpoint as deployed, `/dialogporten/graphql`, and `/dialogporten/graphql/stream`, the URL the Altinn
 * portal streams from (docs/real-systems.md §6.3). GET and POST, as graphql-sse and HotChocolate both take.
 */
export function graphqlRoutes(opts: GraphQLOptions): Route[] {
  const endpoint = createGraphQLEndpoint(opts);
  const methods = { GET: endpoint, POST: endpoint };
  return [
    { path: "/dialogporten/graphql", methods },
    { path: "/dialogporten/graphql/stream", methods },
  ];
}
