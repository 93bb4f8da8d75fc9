import type { Dialog } from "../altinn/dialog";

/**
 * Members a service owner writes that the end-user DTO never has (they are not in the real end-user
 * document): visibility, deletion, search tags, the idempotency key, the owner's own labels and the
 * non-sensitive content variants. The end-user API drops them before it decorates a dialog.
 */
export function withoutServiceOwnerFields(dialog: Dialog): Dialog {
  const { visibleFrom: _v, deletedAt: _d, searchTags: _s, idempotentKey: _i, serviceOwnerContext: _c, ...rest } = dialog;
  const { nonSensitiveTitle: _t, nonSensitiveSummary: _u, ...content } = rest.content;
  return { ...rest, content };
}
