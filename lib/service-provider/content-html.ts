import type { ContentValue, Localization } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import type { DialogTokenClaims } from "../altinn/dialog-token";
import { formatAction, parseActions } from "../altinn/dialog-token";
import { cappedBody, FOOTER, MARKDOWN_TYPE } from "./content";

/**
 * The legacy-HTML variant of a front-channel embed (`…frontchannelembed-url;type=text/html`): what a
 * service migrated from Altinn 2 still sends. Like such content it comes wrapped in layout markup the
 * portal does not keep (a `div`, a `span` with a style); every value is escaped, and nothing in it runs.
 */

export const HTML_TYPE = "text/html; charset=utf-8";

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const text = (l: Localization[] | undefined) => escape(l?.[0]?.value ?? "");
const code = (value: string) => `<code>${escape(value)}</code>`;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The embed of a dialog's main content or of a transmission (`content` holds its title and summary), as legacy HTML. */
export function embedHtml(claims: DialogTokenClaims, content: { title: ContentValue; summary?: ContentValue }, required: string): string {
  const actions = parseActions(claims.a).map(formatAction);
  return [
    `<div class="altinn2-melding">`,
    `<h2>${text(content.title.value)}</h2>`,
    ...(content.summary ? [`<p>${text(content.summary.value)}</p>`] : []),
    `<p><span style="font-weight:bold">Legacy HTML.</span> This message comes as HTML, as content migrated from Altinn 2 does. Everything below the service provider learned from the dialog token alone:</p>`,
    `<ul>`,
    `<li>Who is asking (<code>c</code>): ${code(claims.c)}</li>`,
    `<li>On whose behalf (<code>p</code>): ${code(claims.p)}</li>`,
    `<li>Permitted actions (<code>a</code>): ${actions.length ? actions.map(code).join(", ") : "none"}</li>`,
    `<li>This content required: ${code(required)}</li>`,
    `<li>Token expires (<code>exp</code>): ${code(iso(claims.exp))}</li>`,
    `</ul>`,
    `<p><em>${escape(FOOTER)}</em></p>`,
    `</div>`,
    "",
  ].join("\n");
}

/** The embed answer for a content reference of `mediaType`: legacy HTML when it says so, else markdown. */
export function embedResponse(mediaType: string | undefined, html: () => string, markdown: () => string): Response {
  if (mediaType !== MEDIA_TYPE.embedHtml) return cappedBody(markdown(), MARKDOWN_TYPE);
  return cappedBody(html(), HTML_TYPE, "<p><em>[The service provider cut this content at the 100 KB limit for front-channel embeds.]</em></p>\n");
}
