/**
 * What the resource registry and Altinn Authorization publish about a service resource: its owner,
 * its minimum authentication level, its policy rules and the role assignments they are evaluated against.
 * Seed data fills these shapes; the services receive it from `lib/sandbox.ts`.
 */

/** Service resources as the resource registry knows them: the owner and the minimum authentication level. */
export interface ServiceResource {
  id: string;
  title: string;
  org: string;
  minimumAuthenticationLevel: number;
}

/**
 * The service owners behind the seed dialogs (`Dialog.org`), as the resource registry knows them.
 * Organisation numbers are synthetic 31xxxxxxx test numbers, mod-11 valid — not the agencies' real ones.
 * A Maskinporten token's `consumer` (`0192:<orgNumber>`) tells Dialogporten which owner is calling.
 */
export interface ServiceOwner {
  /** The short code Dialogporten puts in `Dialog.org`. */
  org: string;
  orgNumber: string;
  name: string;
}

/**
 * Policies kept as data, per service resource (keyed by the `urn:altinn:resource` attribute value).
 * A rule matches when the subject holds one of `subjects` for the party, the action is listed, and
 * every attribute in `resource` is present in the request's resource category. An empty `resource`
 * list matches any subresource or task — the XACML behaviour that makes Dialogporten ask for
 * `transmissionread` instead of `read` on subresources (docs/real-systems.md §4.4).
 * Combining algorithm: deny-overrides.
 */
export interface PolicyRule {
  id: string;
  description: string;
  effect: "Permit" | "Deny";
  subjects: string[];
  actions: string[];
  resource: { id: string; value: string }[];
}

export interface Policy {
  resource: string;
  rules: PolicyRule[];
  /**
   * The minimum authentication level the policy's obligation demands on a Permit (0–4). In real Altinn it
   * is part of the policy; absent here, the resource registry's level for the resource applies.
   */
  minimumAuthenticationLevel?: number;
}

/**
 * The policy information point: which roles and access packages a subject holds for a party.
 * Keys are `<attribute id>:<value>` exactly as they appear in the XACML request.
 */
export interface RoleAssignment {
  subject: string;
  party: string;
  roles: string[];
}
