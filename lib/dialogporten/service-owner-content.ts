import type { Content, ContentValue } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import type { Errors } from "./service-owner-schema";
import { at, localizations, object, oneOf, present, uri } from "./service-owner-schema";

/**
 * The dialog's and a transmission's `content`: which fields exist, how long each may be and which media
 * types each takes (the real `ContentValueDtoValidator` and `DialogContentType`, docs/real-systems.md §3.2).
 */
const PLAIN = [MEDIA_TYPE.plain] as const;
const RICH = [MEDIA_TYPE.plain, MEDIA_TYPE.markdown] as const;
const EMBED = [MEDIA_TYPE.embedMarkdown, MEDIA_TYPE.embedHtml, "application/vnd.dialogporten.frontchannelembed+json;type=markdown"] as const;
/** Legacy HTML is for content migrated from Altinn 2: only a token with the legacy-HTML scope may write it (`ContentValueDtoValidator`). */
const LEGACY_HTML: ReadonlySet<string> = new Set([MEDIA_TYPE.embedHtml]);

interface Field {
  max: number;
  mediaTypes: readonly string[];
  required?: boolean;
  /** Its values are URLs (the front-channel embeds). */
  url?: boolean;
}

export const DIALOG_CONTENT: Record<string, Field> = {
  title: { max: 255, mediaTypes: PLAIN, required: true },
  summary: { max: 255, mediaTypes: PLAIN },
  senderName: { max: 255, mediaTypes: PLAIN },
  additionalInfo: { max: 1023, mediaTypes: RICH },
  extendedStatus: { max: 20, mediaTypes: PLAIN },
  mainContentReference: { max: 1023, mediaTypes: EMBED, url: true },
  nonSensitiveTitle: { max: 255, mediaTypes: PLAIN },
  nonSensitiveSummary: { max: 255, mediaTypes: PLAIN },
};

export const TRANSMISSION_CONTENT: Record<string, Field> = {
  title: { max: 255, mediaTypes: PLAIN, required: true },
  summary: { max: 255, mediaTypes: PLAIN },
  contentReference: { max: 1023, mediaTypes: EMBED, url: true },
};

function contentValue(value: unknown, path: string, e: Errors, field: Field, legacyHtml: boolean): ContentValue | undefined {
  const v = object(value, path, ["value", "mediaType", "isAuthorized"], e);
  if (!v) return undefined;
  const allowed = legacyHtml ? field.mediaTypes : field.mediaTypes.filter((t) => !LEGACY_HTML.has(t));
  const mediaType = oneOf(v.mediaType ?? MEDIA_TYPE.plain, at(path, "mediaType"), e, allowed);
  const texts = localizations(v.value, at(path, "value"), e, { max: field.max, required: true });
  if (field.url) texts.forEach((l, i) => uri(l.value, at(at(at(path, "value"), i), "value"), e));
  return mediaType ? { value: texts, mediaType } : undefined;
}

/** Reads a content object against `fields`; a missing required field is named. */
export function readContent(value: unknown, path: string, e: Errors, fields: Record<string, Field>, required = true, legacyHtml = false): Content | undefined {
  if (!present(value)) return required ? e.add(path, "'Content' must not be empty.") : undefined;
  const c = object(value, path, Object.keys(fields), e);
  if (!c) return undefined;
  const out: Record<string, ContentValue> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (!present(c[key])) {
      if (field.required) e.add(at(path, key), `'${key.charAt(0).toUpperCase()}${key.slice(1)}' must not be empty.`);
      continue;
    }
    const read = contentValue(c[key], at(path, key), e, field, legacyHtml);
    if (read) out[key] = read;
  }
  return out.title ? (out as unknown as Content) : undefined;
}
