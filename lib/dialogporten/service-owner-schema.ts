import { isGuid, isValidNationalIdentityNumber, isValidOrganizationNumber, URN } from "../altinn/identifiers";
import type { Localization } from "../altinn/dialog";
import { isAbsoluteUri, isObject, MAX_URI } from "./service-owner-validation";

/**
 * A small reader kit for the service-owner API's request bodies. The real API validates a whole body
 * with FluentValidation and answers every failure at once, keyed by the property path in C# form
 * (`Content.Title.Value[0].LanguageCode`); `Errors` collects them the same way (docs/real-systems.md §9).
 */
export class Errors {
  readonly map: Record<string, string[]> = {};
  add(path: string, message: string): undefined {
    (this.map[path || "$"] ??= []).push(message);
    return undefined;
  }
  get ok(): boolean {
    return Object.keys(this.map).length === 0;
  }
  merge(errors: Record<string, string[]> | undefined): void {
    for (const [k, v] of Object.entries(errors ?? {})) for (const m of v) this.add(k, m);
  }
}

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
export const at = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${pascal(key)}` : pascal(key));
const name = (path: string) => path.replace(/^.*\./, "").replace(/\[\d+\]$/, "") || "body";

export const present = (v: unknown) => v !== undefined && v !== null;

/** An object with only the members the real document names; null when it is not one. */
export function object(value: unknown, path: string, allowed: readonly string[], e: Errors): Record<string, unknown> | undefined {
  if (!isObject(value)) return e.add(path, `'${name(path)}' must be an object.`);
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  for (const k of extra) e.add(at(path, k), `'${pascal(k)}' is not a member of ${name(path)}.`);
  return value;
}

export function string(value: unknown, path: string, e: Errors, opts: { max: number; required?: boolean; min?: number }): string | undefined {
  if (!present(value)) return opts.required ? e.add(path, `'${name(path)}' must not be empty.`) : undefined;
  if (typeof value !== "string") return e.add(path, `'${name(path)}' must be a string.`);
  if (value.length < (opts.min ?? (opts.required ? 1 : 0))) return e.add(path, `'${name(path)}' must not be empty.`);
  if (value.length > opts.max)
    return e.add(path, `The length of '${name(path)}' must be ${opts.max} characters or fewer. You entered ${value.length} characters.`);
  return value;
}

/**
 * Seed dialogs keep the service provider's origin as a `{sp}` placeholder (lib/seed/dialog-base.ts) that
 * is filled in when a dialog is served; a stored URL that starts with it is checked as the URL it becomes.
 */
const SP_PLACEHOLDER = "{sp}";

export function uri(value: unknown, path: string, e: Errors, required = false): string | undefined {
  const s = string(value, path, e, { max: MAX_URI, required });
  if (s === undefined) return undefined;
  const served = s.startsWith(SP_PLACEHOLDER) ? `https://sp.invalid${s.slice(SP_PLACEHOLDER.length)}` : s;
  return isAbsoluteUri(served) ? s : e.add(path, `'${name(path)}' must be an absolute URI of at most ${MAX_URI} characters.`);
}

/** A self-chosen id must be a UUIDv7, as the real API requires (`IsValidUuidV7`). */
export function uuidV7(value: unknown, path: string, e: Errors): string | undefined {
  if (!present(value)) return undefined;
  if (typeof value !== "string" || !isGuid(value) || value[14] !== "7") return e.add(path, `'${name(path)}' must be a valid UUIDv7.`);
  return value.toLowerCase();
}

export function guid(value: unknown, path: string, e: Errors): string | undefined {
  if (!present(value)) return undefined;
  return typeof value === "string" && isGuid(value) ? value.toLowerCase() : e.add(path, `'${name(path)}' must be a GUID.`);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

export function dateTime(value: unknown, path: string, e: Errors): string | undefined {
  if (!present(value)) return undefined;
  const t = typeof value === "string" && DATE_TIME.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : e.add(path, `'${name(path)}' must be an ISO 8601 date-time.`);
}

export function oneOf<T extends string>(value: unknown, path: string, e: Errors, allowed: readonly T[], required = false): T | undefined {
  if (!present(value)) return required ? e.add(path, `'${name(path)}' must not be empty.`) : undefined;
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : e.add(path, `'${name(path)}' has a range of values which does not include '${String(value)}'. Allowed: ${allowed.join(", ")}.`);
}

export function integer(value: unknown, path: string, e: Errors, min: number, max: number): number | undefined {
  if (!present(value)) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) return e.add(path, `'${name(path)}' must be an integer.`);
  return value < min || value > max ? e.add(path, `'${name(path)}' must be between ${min} and ${max}. You entered ${value}.`) : value;
}

export function boolean(value: unknown, path: string, e: Errors): boolean | undefined {
  if (!present(value)) return undefined;
  return typeof value === "boolean" ? value : e.add(path, `'${name(path)}' must be true or false.`);
}

/** An optional array of at most `max` items, each read by `read`; the result skips items that failed. */
export function array<T>(value: unknown, path: string, e: Errors, max: number, read: (item: unknown, path: string) => T | undefined): T[] {
  if (!present(value)) return [];
  if (!Array.isArray(value)) return e.add(path, `'${name(path)}' must be an array.`) ?? [];
  if (value.length > max) e.add(path, `'${name(path)}' must not have more than ${max} items.`);
  return value.slice(0, max).flatMap((item, i) => {
    const read_ = read(item, at(path, i));
    return read_ === undefined ? [] : [read_];
  });
}

export function localizations(value: unknown, path: string, e: Errors, opts: { max: number; required?: boolean }): Localization[] {
  if (opts.required && (!Array.isArray(value) || value.length === 0)) return e.add(path, `'${name(path)}' must not be empty.`) ?? [];
  const out = array(value, path, e, 100, (item, p) => {
    const l = object(item, p, ["value", "languageCode"], e);
    if (!l) return undefined;
    const text = string(l.value, at(p, "value"), e, { max: opts.max, required: true });
    const lang = string(l.languageCode, at(p, "languageCode"), e, { max: 2, required: true });
    if (lang !== undefined && !/^[a-z]{2}$/.test(lang)) e.add(at(p, "languageCode"), "'LanguageCode' must be a two-letter ISO 639-1 code, e.g. nb.");
    return text !== undefined && lang !== undefined ? { value: text, languageCode: lang } : undefined;
  });
  const langs = out.map((l) => l.languageCode);
  if (new Set(langs).size !== langs.length) e.add(path, `'${name(path)}' must not have two localizations in one language.`);
  return out;
}

/** A party URN with a valid control digit: the dialog's owner-to-be. */
export function party(value: unknown, path: string, e: Errors): string | undefined {
  const s = string(value, path, e, { max: 255, required: true });
  if (s === undefined) return undefined;
  const person = new RegExp(`^${URN.person}:(\\d{11})$`).exec(s);
  if (person && isValidNationalIdentityNumber(person[1]!)) return s;
  const org = new RegExp(`^${URN.organization}:(\\d{9})$`).exec(s);
  if (org && isValidOrganizationNumber(org[1]!)) return s;
  return e.add(path, `'Party' must be ${URN.person}:<11 digits> or ${URN.organization}:<9 digits> with valid control digits.`);
}
