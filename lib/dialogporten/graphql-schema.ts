import type { GraphQLFieldConfig, GraphQLObjectType, GraphQLScalarType } from "graphql";
import { buildSchema, GraphQLError, Kind } from "graphql";
import { isGuid } from "../altinn/identifiers";
import type { DialogEventPayload, DialogEvents } from "./events";

/**
 * The part of the real end-user GraphQL schema the sandbox serves, copied from
 * docs/reference/dialogporten-schema.graphql (docs/real-systems.md §9): the subscription, its payload and
 * what they need. GraphQL requires a query root, so `Queries` keeps one real field; the real `enduser` policy
 * on it wants an access token, which a dialog-token caller never has, so the sandbox refuses it as the real
 * one would.
 */
const SDL = /* GraphQL */ `
  schema {
    query: Queries
    subscription: Subscriptions
  }

  type Queries @authorize(policy: "enduser") {
    limits: Limits!
  }

  type Subscriptions {
    "Requires a dialog token in the 'Authorization' header."
    dialogEvents(dialogId: UUID!): DialogEventPayload! @authorize(policy: "enduserSubscription", apply: VALIDATION)
  }

  type DialogEventPayload {
    id: UUID!
    type: DialogEventType!
  }

  enum DialogEventType {
    DIALOG_UPDATED
    DIALOG_DELETED
  }

  type Limits {
    endUserSearch: EndUserSearchLimits!
    serviceOwnerSearch: ServiceOwnerSearchLimits!
  }

  type EndUserSearchLimits {
    maxPartyFilterValues: Int!
    maxServiceResourceFilterValues: Int!
    maxOrgFilterValues: Int!
    maxExtendedStatusFilterValues: Int!
  }

  type ServiceOwnerSearchLimits {
    maxPartyFilterValues: Int!
    maxServiceResourceFilterValues: Int!
    maxExtendedStatusFilterValues: Int!
  }

  "The \`UUID\` scalar type represents a Universally Unique Identifier (UUID) as defined by RFC 9562."
  scalar UUID @specifiedBy(url: "https://scalars.graphql.org/chillicream/uuid.html")

  "Defines when a policy shall be executed."
  enum ApplyPolicy {
    "Before the resolver was executed."
    BEFORE_RESOLVER
    "After the resolver was executed."
    AFTER_RESOLVER
    "The policy is applied in the validation step before the execution."
    VALIDATION
  }

  "The authorize directive."
  directive @authorize(
    "The name of the authorization policy that determines access to the annotated resource."
    policy: String
    "Roles that are allowed to access the annotated resource."
    roles: [String!]
    "Defines when the authorize directive shall be applied. By default the authorize directive is applied before the resolver is executed."
    apply: ApplyPolicy! = BEFORE_RESOLVER
  ) repeatable on OBJECT | FIELD_DEFINITION
`;

/** What the subscription's policy decided, for the trace (docs/design.md, principle 6). */
interface PolicyOutcome {
  dialogId: string;
  claimI: unknown;
  allowed: boolean;
}

/** Per request: the verified dialog token's claims, the workspace, and where the policy's outcome is told. */
export type SubscriptionContext = {
  workspace: string;
  claims: Record<string, unknown>;
  events: DialogEvents;
  onPolicy: (outcome: PolicyOutcome) => void;
};

/** HotChocolate's answer when a policy says no (`ErrorCodes.Authentication.NotAuthorized`). */
const notAuthorized = () => new GraphQLError("The current user is not authorized to access this resource.", { extensions: { code: "AUTH_NOT_AUTHORIZED" } });

function parseUuid(value: unknown): string {
  if (typeof value !== "string" || !isGuid(value)) throw new GraphQLError(`"${String(value)}" is not a valid UUID.`);
  return value.toLowerCase();
}

// The real UUID scalar accepts GUIDs in any case and writes them in lower case.
const UUID_SCALAR = {
  serialize: parseUuid,
  parseValue: parseUuid,
  parseLiteral: (ast: { kind: string; value?: string }) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("A UUID must be given as a string.");
    return parseUuid(ast.value);
  },
};

/** The schema with its resolvers: `dialogEvents` checks the `enduserSubscription` policy, then listens to the dialog's events. */
export function createSubscriptionSchema() {
  const schema = buildSchema(SDL);
  Object.assign(schema.getType("UUID") as GraphQLScalarType, UUID_SCALAR);
  const field = (type: GraphQLObjectType | null | undefined, name: string) => type!.getFields()[name] as unknown as GraphQLFieldConfig<unknown, unknown>;

  const dialogEvents = field(schema.getSubscriptionType(), "dialogEvents");
  // `i` must name the subscribed dialog (AuthorizationOptionsSetup.cs); checked before anything is listened to.
  dialogEvents.subscribe = async (_source, args, context) => {
    const { dialogId } = args as { dialogId: string };
    const ctx = context as SubscriptionContext;
    const claimI = ctx.claims.i;
    const allowed = typeof claimI === "string" && isGuid(claimI) && claimI.toLowerCase() === dialogId;
    ctx.onPolicy({ dialogId, claimI, allowed });
    if (!allowed) throw notAuthorized();
    return ctx.events.subscribe(ctx.workspace, dialogId);
  };
  dialogEvents.resolve = (payload) => payload as DialogEventPayload;

  field(schema.getQueryType(), "limits").resolve = () => {
    throw notAuthorized();
  };
  return schema;
}
