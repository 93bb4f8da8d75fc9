import { providerPrefixOf } from "../shared/workspace";
import type { AltinnAction } from "../altinn/actions";
import { MAIN } from "../altinn/actions";
import type { ContentValue, Dialog } from "../altinn/dialog";
import { EXPIRED_URL, UNAUTHORIZED_URL } from "../altinn/dialog";
import { withoutServiceOwnerFields } from "./service-owner-fields";

/** Why one element got its `isAuthorized` flag — teaching data for the trace, never for the DTO. */
export interface AuthorizationNote {
  element: "guiAction" | "apiAction" | "transmission" | "mainContentReference";
  id: string;
  action: string;
  attribute: string;
  isAuthorized: boolean;
  rule: string;
}

/** `DialogDetailsAuthorizationResult` helpers, including the documented quirk of rule 2. */
class Permits {
  constructor(private readonly pairs: AltinnAction[]) {}
  has(name: string, attribute: string) {
    return this.pairs.some((p) => p.name === name && p.attribute === attribute);
  }
  mainAccess() {
    return this.pairs.some((p) => p.attribute === MAIN);
  }
  action(name: string, attribute: string | undefined): { ok: boolean; rule: string } {
    if (!this.pairs.some((p) => p.name === name)) return { ok: false, rule: `no permitted pair has action "${name}"` };
    if (!attribute) {
      const ok = this.mainAccess();
      return { ok, rule: ok ? `"${name}" is permitted somewhere and the user has access to the main resource` : "no access to the main resource" };
    }
    const ok = this.has(name, attribute);
    return { ok, rule: ok ? `(${name}, ${attribute}) was permitted` : `(${name}, ${attribute}) was not permitted` };
  }
}

function maskContent(value: ContentValue): ContentValue {
  return { ...value, value: value.value.map((l) => ({ ...l, value: UNAUTHORIZED_URL })) };
}

/**
 * Replaces the `{sp}` placeholder of the seed data with the service provider's public origin, and its
 * path with the workspace's own (`lib/shared/workspace.ts`), so a click in a workspace stays in it.
 */
export function resolveUrls<T>(value: T, spOrigin: string, workspace: string): T {
  const text = JSON.stringify(value)
    .replaceAll("{sp}/service-provider/", `{sp}${providerPrefixOf(workspace)}/`)
    .replaceAll("{sp}", spOrigin);
  return JSON.parse(text) as T;
}

/**
 * Sets `isAuthorized` on every element and masks URLs the user may not follow with
 * `urn:dialogporten:unauthorized`, as `DecorateWithAuthorization` + `ReplaceUnauthorizedUrls` do.
 */
export function decorateDialog(source: Dialog, permitted: AltinnAction[], spOrigin: string, workspace: string): { dialog: Dialog; notes: AuthorizationNote[] } {
  const dialog = resolveUrls(withoutServiceOwnerFields(source), spOrigin, workspace);
  const permits = new Permits(permitted);
  const notes: AuthorizationNote[] = [];

  dialog.guiActions = dialog.guiActions.map((a) => {
    const { ok, rule } = permits.action(a.action, a.authorizationAttribute);
    notes.push({ element: "guiAction", id: a.id, action: a.action, attribute: a.authorizationAttribute ?? MAIN, isAuthorized: ok, rule });
    return { ...a, isAuthorized: ok, url: ok ? a.url : UNAUTHORIZED_URL };
  });
  dialog.apiActions = dialog.apiActions.map((a) => {
    const { ok, rule } = permits.action(a.action, a.authorizationAttribute);
    notes.push({ element: "apiAction", id: a.id, action: a.action, attribute: a.authorizationAttribute ?? MAIN, isAuthorized: ok, rule });
    return { ...a, isAuthorized: ok, endpoints: a.endpoints.map((e) => (ok ? e : { ...e, url: UNAUTHORIZED_URL })) };
  });
  const main = dialog.content.mainContentReference;
  if (main) {
    const ok = permits.has("read", MAIN);
    notes.push({
      element: "mainContentReference",
      id: "content.mainContentReference",
      action: "read",
      attribute: MAIN,
      isAuthorized: ok,
      rule: ok ? "(read, main) was permitted" : "(read, main) was not permitted",
    });
    dialog.content.mainContentReference = ok ? { ...main, isAuthorized: true } : { ...maskContent(main), isAuthorized: false };
  }
  dialog.transmissions = dialog.transmissions.map((t) => {
    const attr = t.authorizationAttribute;
    const ok = attr ? permits.has("transmissionread", attr) || permits.has("read", attr) : permits.mainAccess();
    const rule = attr
      ? ok
        ? `(transmissionread|read, ${attr}) was permitted`
        : `neither (transmissionread, ${attr}) nor (read, ${attr}) was permitted`
      : ok
        ? "no attribute: access to the main resource suffices"
        : "no access to the main resource";
    notes.push({
      element: "transmission",
      id: t.id,
      action: attr?.startsWith("urn:altinn:resource:") ? "read" : attr ? "transmissionread" : "read",
      attribute: attr ?? MAIN,
      isAuthorized: ok,
      rule,
    });
    if (ok) return { ...t, isAuthorized: true };
    const ref = t.content.contentReference;
    return {
      ...t,
      isAuthorized: false,
      content: { ...t.content, ...(ref && { contentReference: maskContent(ref) }) },
      attachments: t.attachments.map((att) => ({ ...att, urls: att.urls.map((u) => ({ ...u, url: UNAUTHORIZED_URL })) })),
      navigationalActions: t.navigationalActions.map((n) => ({ ...n, url: UNAUTHORIZED_URL })),
    };
  });
  return { dialog, notes };
}

/**
 * `ReplaceExpiredAttachmentUrls`: URLs of expired dialog attachments, and of expired attachments and
 * navigational actions of authorized transmissions, become `urn:dialogporten:expired` (docs/real-systems.md §3.3).
 */
export function maskExpired(dialog: Dialog, now: number): Dialog {
  const expired = (at: string | undefined) => at !== undefined && Date.parse(at) < now;
  const attachment = <A extends Dialog["attachments"][number]>(a: A): A =>
    expired(a.expiresAt) ? { ...a, urls: a.urls.map((u) => ({ ...u, url: EXPIRED_URL })) } : a;
  return {
    ...dialog,
    attachments: dialog.attachments.map(attachment),
    transmissions: dialog.transmissions.map((t) =>
      t.isAuthorized
        ? {
            ...t,
            attachments: t.attachments.map(attachment),
            navigationalActions: t.navigationalActions.map((n) => (expired(n.expiresAt) ? { ...n, url: EXPIRED_URL } : n)),
          }
        : t,
    ),
  };
}
