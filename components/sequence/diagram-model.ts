import type { Actor, Exchange } from "@/lib/shared/trace";
import type { RunData, Step } from "./run-model";
import { isFinished } from "./run-model";
import { content } from "./arrow-labels";
import type { Scenario } from "../scenario/scenario";
import type { Locale } from "../i18n/locale";
import type { Text } from "../i18n/text";

/**
 * `short` is what a lane's head shows on a phone, where five full names do not fit side by side. The long
 * Norwegian compounds carry a soft hyphen (\u00ad), so a narrow lane breaks them where a reader expects.
 */
export const ACTORS: { id: Actor; name: Text; short: Text }[] = [
  { id: "end-user-system", name: { en: "End-user system", nb: "Sluttbruker\u00adsystem" }, short: { en: "EUS", nb: "SBS" } },
  { id: "id-porten", name: { en: "ID-porten / Maskinporten", nb: "ID-porten / Maskinporten" }, short: { en: "IdP", nb: "IdP" } },
  { id: "dialogporten", name: { en: "Dialogporten", nb: "Dialogporten" }, short: { en: "DP", nb: "DP" } },
  { id: "authorization", name: { en: "Altinn Authorization", nb: "Altinn Autorisasjon" }, short: { en: "AA", nb: "AA" } },
  { id: "service-provider", name: { en: "Service provider", nb: "Tjeneste\u00adtilbyder" }, short: { en: "SP", nb: "TT" } },
];

export const actorName = (id: Actor, locale: Locale = "en"): string => ACTORS.find((a) => a.id === id)?.name[locale] ?? id;

export type ArrowId =
  | "sign-in"
  | "get-dialog"
  | "dp-keys"
  | "authorize"
  | "decision"
  | "dialog-response"
  | "sp-preflight"
  | "sp-request"
  | "sp-keys"
  | "sp-check"
  | "sp-response"
  | "dp-event";
export type Tab = "exchange" | "decision" | "token" | "checklist" | "changes";
export type ArrowState = "pending" | "done" | "failed" | "not-reached" | "no-call";

export interface Arrow {
  id: ArrowId;
  /** The number drawn on the arrow, as in the seed diagram; null for the unnumbered key fetches. */
  num: Step | null;
  from: Actor;
  to: Actor;
  kind: "request" | "response" | "self";
  title: string;
  /** e.g. "POST /id-porten/token · 200" */
  detail: string;
  state: ArrowState;
  /** Drawn highlighted: it belongs to the step being shown. */
  current: boolean;
  exchanges: Exchange[];
  /** Which side of the exchange this arrow stands for. */
  focus: "request" | "response";
  tab: Tab;
}

interface Def {
  id: ArrowId;
  num: Step | null;
  revealAt: Step;
  from: Actor;
  to: Actor;
  kind: Arrow["kind"];
  focus: Arrow["focus"];
  tab: Tab;
}

const DEFS: Def[] = [
  { id: "sign-in", num: 0, revealAt: 0, from: "end-user-system", to: "id-porten", kind: "request", focus: "request", tab: "exchange" },
  { id: "get-dialog", num: 0, revealAt: 1, from: "end-user-system", to: "dialogporten", kind: "request", focus: "request", tab: "exchange" },
  { id: "dp-keys", num: null, revealAt: 1, from: "dialogporten", to: "id-porten", kind: "request", focus: "response", tab: "exchange" },
  { id: "authorize", num: 1, revealAt: 1, from: "dialogporten", to: "authorization", kind: "request", focus: "request", tab: "decision" },
  { id: "decision", num: 2, revealAt: 2, from: "authorization", to: "dialogporten", kind: "response", focus: "response", tab: "decision" },
  { id: "dialog-response", num: 3, revealAt: 3, from: "dialogporten", to: "end-user-system", kind: "response", focus: "response", tab: "token" },
  { id: "sp-preflight", num: null, revealAt: 4, from: "end-user-system", to: "service-provider", kind: "request", focus: "request", tab: "exchange" },
  { id: "sp-request", num: 4, revealAt: 4, from: "end-user-system", to: "service-provider", kind: "request", focus: "request", tab: "exchange" },
  { id: "sp-keys", num: null, revealAt: 5, from: "service-provider", to: "dialogporten", kind: "request", focus: "response", tab: "exchange" },
  { id: "sp-check", num: 5, revealAt: 5, from: "service-provider", to: "service-provider", kind: "self", focus: "response", tab: "checklist" },
  { id: "sp-response", num: 6, revealAt: 6, from: "service-provider", to: "end-user-system", kind: "response", focus: "response", tab: "exchange" },
  // After a write action's 202: Dialogporten's GraphQL subscription tells the end-user system the dialog changed.
  { id: "dp-event", num: null, revealAt: 6, from: "dialogporten", to: "end-user-system", kind: "response", focus: "response", tab: "exchange" },
];

/** The arrows of the diagram for the data and the step being shown. */
export function arrowsFor(data: RunData | null, step: Step, scenario: Scenario, locale: Locale = "en"): Arrow[] {
  const finished = isFinished(data, step);
  return DEFS.map((def) => {
    const sc = data?.scenario ?? scenario;
    const real = content(def.id, data, sc, locale);
    const shown = real.available && step >= def.revealAt;
    // An arrow not shown yet keeps its generic text, even when the data already knows how it ends.
    const c = shown ? real : { ...content(def.id, null, sc, locale), available: false };
    const state: ArrowState = !shown ? (finished ? "not-reached" : "pending") : c.noCall ? "no-call" : c.failed ? "failed" : "done";
    const current = shown && !c.noCall && (def.num === null ? def.revealAt === step : def.num === step);
    return {
      id: def.id,
      num: def.num,
      from: def.from,
      to: def.to,
      kind: def.kind,
      title: c.title,
      detail: c.detail,
      state,
      current,
      exchanges: c.exchanges,
      focus: def.focus,
      tab: def.tab,
    };
  });
}

/** The arrow that opens when a step arrives. */
export function primaryArrow(step: Step): ArrowId | null {
  const ids: Record<number, ArrowId> = { 0: "sign-in", 1: "authorize", 2: "decision", 3: "dialog-response", 4: "sp-request", 5: "sp-check", 6: "sp-response" };
  return ids[step] ?? null;
}
