import type { Exchange } from "@/lib/shared/trace";
import { identityProviderOf } from "@/lib/shared/services";
import type { ArrowId } from "./diagram-model";
import type { LiveFollow } from "./follow-up";
import type { RunData } from "./run-model";
import { preflightsOf } from "./sp-call";
import type { Scenario } from "../scenario/scenario";
import { personaOf, titleOf } from "../scenario/scenario";
import { authorizeExchange, dialogportenKeyExchanges, serviceProviderKeyExchanges, serviceProviderNotes } from "../exchange/trace-notes";
import { KEY_FETCH_LABEL } from "../exchange/key-fetch";
import type { Locale } from "../i18n/locale";
import { fill, type Text } from "../i18n/text";

// The workspace segment (ADR 016) and the dialog id are long and say nothing on an arrow: placeholders keep the route readable.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
export const shortPath = (path: string) => path.replace(/\/ws\/[^/]+\//, "/ws/{ws}/").replace(UUID, "{id}");

/*
 * What each arrow of the diagram says: its title, its detail line and the exchanges behind it, read from a run's
 * data. Which arrows there are, and in which state the step being shown puts them, is diagram-model.ts.
 */

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

const NO_ANSWER: Text = { en: "no answer", nb: "intet svar" };

/** Where the GraphQL subscription stands when no event has come (the event's own type is GraphQL's, not translated). */
const LIVE_STATE: Record<LiveFollow["state"], Text> = {
  connecting: { en: "connecting", nb: "kobler til" },
  listening: { en: "listening", nb: "lytter" },
  event: { en: "event", nb: "hendelse" },
  refused: { en: "refused", nb: "avvist" },
  ended: { en: "ended", nb: "avsluttet" },
};
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
export function content(id: ArrowId, data: RunData | null, scenario: Scenario, locale: Locale): Content {
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
        // The inbox's list of the party's dialogs comes first, as the portal lists before it opens one.
        exchanges: [...one(data?.listing), ...one(d)],
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
      const detail = sp ? `${data?.action?.method ?? ""} ${shortPath(pathOf(sp.request.url))}${tries}` : "Authorization: Bearer <dialog token>";
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
        ? `${t(KEY_FETCH_LABEL[serviceProviderNotes(sp).keyFetch ?? "cold"])} · ${keys.map(statusText).join(", ")}`
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
          ? t({ en: "no subscription: only after a 202", nb: "intet abonnement: bare etter en 202" })
          : t({ en: "dialogEvents over SSE, after a 202", nb: "dialogEvents over SSE, etter en 202" })
        : `POST /dialogporten/graphql · ${status} · ${live.event ? live.event.type : t(LIVE_STATE[live.state])}`;
      return {
        title: live?.event
          ? t({ en: "Dialog event arrives", nb: "Dialoghendelsen kommer" })
          : t({ en: "Dialog event (subscription)", nb: "Dialoghendelse (abonnement)" }),
        detail,
        exchanges: live ? [live.exchange] : [],
        available: Boolean(sp),
        failed: live?.state === "refused" || live?.state === "ended",
        noCall: !live,
      };
    }
  }
}
