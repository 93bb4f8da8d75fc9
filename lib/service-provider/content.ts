import type { Dialog, Localization, Transmission } from "../dialogporten/dto";
import { formatAction, parseActions } from "./decode";
import type { DialogTokenClaims } from "./types";

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

const FOOTER = "The service provider verified the dialog token locally against Dialogporten's published keys. It made no call to Altinn Authorization.";

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
