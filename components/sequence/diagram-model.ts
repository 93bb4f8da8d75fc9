import type { Actor, Exchange } from "@/lib/shared/trace";
import { identityProviderOf } from "@/lib/shared/services";
import type { RunData, Step } from "./run-model";
import { isFinished } from "./run-model";
import { preflightsOf } from "./sp-call";
import type { Scenario } from "../scenario/scenario";
import { personaOf, titleOf } from "../scenario/scenario";
import { authorizeExchange, dialogportenKeyExchanges, serviceProviderKeyExchanges, serviceProviderNotes } from "../exchange/trace-notes";
import type { Locale } from "../i18n/locale";
import { fill, type Text } from "../i18n/text";

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

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

const NO_ANSWER: Text = { en: "no answer", nb: "intet svar" };
const failed = (e: Exchange | undefined) => Boolean(e && (!e.response || e.response.status >= 400));

interface Content {
  title: string;
  detail: string;
  exchanges: Exchange[];
  /** The data holds this arrow (it happened, or was skipped for a reason the data shows). */
  available: boolean;
  failed: boolean;
  noCall?: boolean;
}

const one = (e: Exchange | undefined) => (e ? [e] : []);

/** Title, detail line and exchanges of one arrow; titles come from the scenario, so they stand before the run too. */
function content(id: ArrowId, data: RunData | null, scenario: Scenario, locale: Locale): Content {
  const t = (text: Text, values: Record<string, string | number> = {}) => fill(text, locale, values);
  const statusText = (e: Exchange | undefined) => (e ? (e.response ? String(e.response.status) : t(NO_ANSWER)) : "");
  const persona = personaOf(scenario);
  const d = data?.dialogExchange;
  const aa = authorizeExchange(d);
  const sp = data?.spExchange;
  // An embed may have taken several attempts (retries after a 5xx); each is an exchange of its own.
  const attempts = data?.embed?.attempts ?? one(sp);
  switch (id) {
    case "sign-in": {
      const path = `POST /${identityProviderOf(persona)}/token`;
      const e = data?.signIn;
      return {
        title: t({ en: "Sign in as {name}", nb: "Logg inn som {name}" }, { name: persona.name.split(" (")[0]! }),
        detail: e ? `${path} · ${statusText(e)}` : path,
        exchanges: one(e),
        available: Boolean(e),
        failed: failed(e),
      };
    }
    case "get-dialog":
      return {
        title: t({ en: "Get dialog “{title}”", nb: "Hent dialogen «{title}»" }, { title: titleOf(scenario.dialogId) }),
        detail: "GET /dialogporten/api/v1/enduser/dialogs/{id}",
        exchanges: [...one(data?.listing), ...one(d)], // the party's list first: the portal lists before it opens one
        available: Boolean(d),
        failed: false,
      };
    case "dp-keys": {
      const keys = dialogportenKeyExchanges(d);
      const detail = keys.length ? `GET JWKS · ${keys.map(statusText).join(", ")}` : t({ en: "from cache: no call", nb: "fra hurtigbuffer: intet kall" });
      return {
        title: t({ en: "Access-token keys", nb: "Nøkler til tilgangstokenet" }),
        detail,
        exchanges: keys,
        available: Boolean(d),
        failed: keys.some(failed),
        noCall: keys.length === 0,
      };
    }
    case "authorize":
      return {
        title: t({ en: "Authorize request", nb: "Spør om tilgang" }),
        detail: "POST /authorization/api/v1/authorize",
        exchanges: one(aa),
        available: Boolean(aa),
        failed: false,
      };
    case "decision":
      return {
        title: t({ en: "Return decision", nb: "Returner avgjørelse" }),
        detail: `${t({ en: "XACML response", nb: "XACML-svar" })}${aa ? ` · ${statusText(aa)}` : ""}`,
        exchanges: one(aa),
        available: Boolean(aa),
        failed: failed(aa),
      };
    case "dialog-response": {
      const detail = d
        ? `${statusText(d)} · ${d.response?.status === 200 ? t({ en: "dialog + token", nb: "dialog + token" }) : t({ en: "no token", nb: "ingen token" })}`
        : "dialog + dialogToken";
      return {
        title: t({ en: "Return dialog + dialog token", nb: "Returner dialog + dialogtoken" }),
        detail,
        exchanges: one(d),
        available: Boolean(d),
        failed: failed(d),
      };
    }
    case "sp-preflight": {
      const note = serviceProviderNotes(sp).preflight;
      const seen = preflightsOf(attempts);
      const e = seen.at(-1);
      const detail = e
        ? `OPTIONS · ${statusText(e)}${seen.length > 1 ? ` ×${seen.length}` : ""}`
        : note
          ? t({ en: "not observed", nb: "ikke observert" })
          : sp
            ? t({ en: "same origin: none", nb: "samme opphav: ingen" })
            : t({ en: "OPTIONS, if cross-origin", nb: "OPTIONS, ved annet opphav" });
      return {
        title: t({ en: "CORS preflight (browser)", nb: "CORS-preflight (nettleseren)" }),
        detail,
        exchanges: seen,
        available: Boolean(sp),
        failed: failed(e),
        noCall: !e,
      };
    }
    case "sp-request": {
      const tries = attempts.length > 1 ? ` · ${t({ en: "{n} attempts", nb: "{n} forsøk" }, { n: attempts.length })}` : "";
      const detail = sp
        ? `${data?.action?.method ?? ""} ${pathOf(sp.request.url).replace(/[0-9a-f-]{36}/i, "{id}")}${tries}`
        : "Authorization: Bearer <dialog token>";
      return {
        title: t({ en: "Perform action, supply dialog token", nb: "Utfør handling, send dialogtoken" }),
        detail,
        exchanges: attempts,
        available: Boolean(sp),
        failed: false,
      };
    }
    case "sp-keys": {
      const keys = serviceProviderKeyExchanges(sp);
      const detail = keys.length
        ? `metadata + JWKS · ${keys.map(statusText).join(", ")}`
        : t({ en: "JWKS from cache: no call", nb: "JWKS fra hurtigbuffer: intet kall" });
      return {
        title: t({ en: "Dialogporten's keys", nb: "Dialogportens nøkler" }),
        detail,
        exchanges: keys,
        available: Boolean(sp),
        failed: keys.some(failed),
        noCall: keys.length === 0,
      };
    }
    case "sp-check": {
      const v = serviceProviderNotes(sp).verification;
      const detail = v
        ? v.valid
          ? t({ en: "all checks pass", nb: "alle kontroller består" })
          : t({ en: "fails: {why}", nb: "feiler: {why}" }, { why: v.failure?.failure ?? t({ en: "refused", nb: "avvist" }) })
        : t({ en: "locally, no call to Authorization", nb: "lokalt, uten kall til Autorisasjon" });
      return {
        title: t({ en: "Validate dialog token and action", nb: "Valider dialogtoken og handling" }),
        detail,
        exchanges: [],
        available: Boolean(sp),
        failed: Boolean(v && !v.valid),
      };
    }
    case "sp-response": {
      const embed = data?.embed?.result;
      // The end-user system may refuse a 200 (wrong Content-Type, over 100 KB): the arrow then counts as failed.
      const verdict =
        embed?.kind === "refused"
          ? ` · ${t({ en: "refused", nb: "avvist" })}: ${embed.code}`
          : embed?.kind === "markdown" || embed?.kind === "html"
            ? ` · ${t({ en: "rendered", nb: "vist" })}`
            : "";
      const detail = sp
        ? `${statusText(sp)} ${sp.response?.statusText ?? ""}${verdict}`.trim()
        : t({ en: "markdown, 204, or 401/403", nb: "markdown, 204 eller 401/403" });
      return {
        title: t({ en: "Return response", nb: "Returner svar" }),
        detail,
        exchanges: one(sp),
        available: Boolean(sp),
        failed: failed(sp) || embed?.kind === "refused",
      };
    }
    case "dp-event": {
      const live = data?.after?.live;
      const status = live ? statusText(live.exchange) : "";
      const detail = !live
        ? sp
          ? "no subscription: only after a 202"
          : "dialogEvents over SSE, after a 202"
        : live.event
          ? `POST /dialogporten/graphql · ${status} · ${live.event.type}`
          : `POST /dialogporten/graphql · ${status} · ${live.state}`;
      return {
        title: live?.event ? "Dialog event arrives" : "Dialog event (subscription)",
        detail,
        exchanges: live ? [live.exchange] : [],
        available: Boolean(sp),
        failed: live?.state === "refused" || live?.state === "ended",
        noCall: !live,
      };
    }
  }
}

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
