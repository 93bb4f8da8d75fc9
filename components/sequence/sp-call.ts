import type { Dialog } from "@/lib/altinn/dialog";
import { MEDIA_TYPE } from "@/lib/altinn/dialog";
import type { ActionChoice, EndUserSystemContext, ResolvedAction } from "@/lib/end-user-system/calls";
import { callServiceProvider } from "@/lib/end-user-system/calls";
import type { EmbedResult } from "@/lib/end-user-system/embed";
import type { MdNode } from "@/lib/end-user-system/markdown";
import type { Exchange } from "@/lib/shared/trace";
import { serviceProviderNotes } from "../exchange/trace-notes";

/** A front-channel embed as the end-user system loaded it (docs/real-systems.md §6.1): every attempt, and its verdict. */
export interface EmbedData {
  /** One exchange per attempt: more than one when a 5xx or a network error was retried. */
  attempts: Exchange[];
  result: EmbedResult;
  /** The media type Dialogporten announced for the reference… */
  mediaType: string;
  /** …and so the Content-Type the end-user system insists on. */
  expectedType: string;
  /** The markdown (or legacy HTML) as the allow-listed tree; absent unless the body passed every rule. */
  tree?: MdNode[];
}

/** The media type of the content reference the choice points at, if it is an embed at all. */
function embedMediaType(dialog: Dialog, choice: ActionChoice): string | undefined {
  if (choice.kind === "embed") return dialog.content.mainContentReference?.mediaType ?? MEDIA_TYPE.embedMarkdown;
  if (choice.kind === "transmission")
    return dialog.transmissions.find((t) => t.id === choice.transmissionId)?.content.contentReference?.mediaType ?? MEDIA_TYPE.embedMarkdown;
  return undefined;
}

/**
 * Step 4 → 6 from the end-user system's side. Embeds go through `fetchEmbed`, so the portal's rules
 * (timeout, retries, Content-Type, 204, 100 KB) really apply; everything else is one plain call.
 */
export async function callStep4(
  ctx: EndUserSystemContext,
  dialog: Dialog,
  dialogToken: string,
  action: ResolvedAction,
  choice: ActionChoice,
): Promise<{ spExchange: Exchange; embed?: EmbedData }> {
  const mediaType = action.method === "GET" ? embedMediaType(dialog, choice) : undefined;
  if (!mediaType) return { spExchange: (await callServiceProvider(ctx, dialogToken, action)).exchange };
  // The embed rules and markdown-it are loaded here, when an embed is asked for, not with the page (first-load budget).
  const { fetchEmbed, remoteTypeOf } = await import("@/lib/end-user-system/embed");
  const expectedType = remoteTypeOf(mediaType) ?? "text/markdown";
  const got = await fetchEmbed(ctx, action.url, dialogToken, expectedType);
  const tree =
    got.result.kind === "markdown"
      ? (await import("@/lib/end-user-system/markdown")).markdownToTree(got.result.text)
      : got.result.kind === "html"
        ? (await import("@/lib/end-user-system/html")).htmlToTree(got.result.text)
        : undefined;
  return { spExchange: got.exchanges.at(-1)!, embed: { attempts: got.exchanges, result: got.result, mediaType, expectedType, ...(tree && { tree }) } };
}

/** The CORS preflights the service provider recorded for each attempt (ADR 011), in order. */
export function preflightsOf(attempts: Exchange[]): Exchange[] {
  return attempts.flatMap((e) => {
    const note = serviceProviderNotes(e).preflight;
    return note?.observed ? [note.exchange] : [];
  });
}
