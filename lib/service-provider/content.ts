import type { Dialog, Localization, Transmission } from "../altinn/dialog";
import type { Principal } from "../altinn/principal";
import { formatAction, parseActions } from "../altinn/dialog-token";
import type { DialogTokenClaims } from "../altinn/dialog-token";

/**
 * What the service provider shows. Every personal fact comes from the verified claims, never from a
 * lookup, so a learner sees that the token alone told the service who is asking and what they may do.
 * Markdown is plain CommonMark 0.31.2 (no tables), as the front-channel embed spec requires.
 */

const text = (l: Localization[] | undefined) => l?.[0]?.value ?? "";

/** Claim values go in code spans; a backtick or line break could otherwise break out of one. */
function code(value: string): string {
  return `\`${value.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f]/g, " ")}\``;
}

function inline(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/([\\`*_[\]<>#!|])/g, "\\$1");
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function claimList(claims: DialogTokenClaims): string[] {
  const actions = parseActions(claims.a).map(formatAction);
  return [
    `- Who is asking (\`c\`): ${code(claims.c)}`,
    ...(claims.y ? [`- System user (\`y\`): ${code(claims.y)}`] : []),
    `- On whose behalf (\`p\`): ${code(claims.p)}`,
    `- Service resource (\`s\`): ${code(claims.s)}`,
    `- Permitted actions (\`a\`): ${actions.length ? actions.map(code).join(", ") : "none"}`,
    `- Authentication level (\`l\`): ${claims.l}`,
    `- Token expires (\`exp\`): ${iso(claims.exp)}`,
  ];
}

export const FOOTER = "The service provider verified the dialog token locally against Dialogporten's published keys. It made no call to Altinn Authorization.";

export function mainContentMarkdown(claims: DialogTokenClaims, dialog: Dialog | undefined): string {
  return [
    `## ${inline(dialog ? text(dialog.content.title.value) : "Dialog")}`,
    "",
    "This content comes from the service provider's own system. Everything below it learned from the dialog token alone:",
    "",
    ...claimList(claims),
    "",
    `*${FOOTER}*`,
    "",
  ].join("\n");
}

export function transmissionMarkdown(claims: DialogTokenClaims, transmission: Transmission, required: string): string {
  return [
    `## ${inline(text(transmission.content.title.value))}`,
    "",
    ...(transmission.content.summary ? [inline(text(transmission.content.summary.value)), ""] : []),
    `Opened by ${code(claims.c)} on behalf of ${code(claims.p)}; this transmission required ${code(required)} in the token.`,
    "",
    `*${FOOTER}*`,
    "",
  ].join("\n");
}

/** The API action's answer: what the token says, in the shape an API client would parse. */
export function apiSummary(claims: DialogTokenClaims) {
  return {
    dialogId: claims.i,
    consumer: claims.c,
    ...(claims.y && { systemUser: claims.y }),
    party: claims.p,
    serviceResource: claims.s,
    actions: parseActions(claims.a),
    authenticationLevel: claims.l,
    issuer: claims.iss,
    expiresAt: iso(claims.exp),
    verifiedLocally: true,
    authorizationCalls: 0,
  };
}

/** The front-channel embed spec: the content provider's body is at most 100 KB. */
export const MAX_EMBED_BYTES = 100 * 1024;
export const MARKDOWN_TYPE = "text/markdown; charset=utf-8";
const TRUNCATED = "\n\n*[The service provider cut this content at the 100 KB limit for front-channel embeds.]*\n";

/**
 * A front-channel embed answer of `contentType`, never cached, and never over 100 KB — longer content is cut
 * on a character boundary with a visible note (`truncated`), so the spec's limit always holds.
 */
export function cappedBody(body: string, contentType: string, truncated = TRUNCATED): Response {
  const encoder = new TextEncoder();
  let bytes = encoder.encode(body);
  if (bytes.byteLength > MAX_EMBED_BYTES) {
    const room = MAX_EMBED_BYTES - encoder.encode(truncated).byteLength;
    let end = room;
    // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
    bytes = new Uint8Array([...bytes.subarray(0, end), ...encoder.encode(truncated)]);
  }
  return new Response(bytes, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

/** A markdown embed answer: `text/markdown; charset=utf-8`. */
export const markdownResponse = (markdown: string): Response => cappedBody(markdown, MARKDOWN_TYPE);

const LEGACY_FOOTER =
  "The service provider had no dialog token: it validated the end user's access token itself and asked Altinn Authorization about this request — as it must on every request.";

/** Legacy mode's embed: the same facts, but learned from the access token and one call to Altinn Authorization. */
export function legacyMarkdown(principal: Principal, dialog: Dialog, required: string, decision: string, transmission?: Transmission): string {
  const title = transmission ? text(transmission.content.title.value) : text(dialog.content.title.value);
  return [
    `## ${inline(title)}`,
    "",
    "Legacy mode (no dialog token). What the service provider knows, and where it came from:",
    "",
    `- Who is asking (access token): ${code(principal.consumer)}`,
    `- On whose behalf (the dialog's party): ${code(dialog.party)}`,
    `- Service resource: ${code(dialog.serviceResource)}`,
    `- Asked Altinn Authorization about: ${code(required)} → ${code(decision)}`,
    `- Authentication level (access token): ${principal.level}`,
    "",
    `*${LEGACY_FOOTER}*`,
    "",
  ].join("\n");
}

/** Legacy mode's API answer. */
export function legacyApiSummary(principal: Principal, dialog: Dialog, required: string, decision: string) {
  return {
    dialogId: dialog.id,
    consumer: principal.consumer,
    party: dialog.party,
    serviceResource: dialog.serviceResource,
    asked: required,
    decision,
    authenticationLevel: principal.level,
    verifiedLocally: false,
    authorizationCalls: 1,
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GET GUI actions are plain navigation without a token (as the real portal does), so this page knows nobody. */
export function appPage(dialogId: string, dialog: Dialog | undefined): string {
  const title = dialog ? text(dialog.content.title.value) : "Unknown dialog";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – service provider</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>This is the service's own application (dialog <code>${escapeHtml(dialogId)}</code>). You came here by plain navigation from a GUI action with method GET: no dialog token was sent, so a real service would now sign you in with ID-porten.</p>
</main>
</body>
</html>
`;
}
