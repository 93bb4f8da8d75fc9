"use client";

import type { Exchange } from "@/lib/shared/trace";
import type { AfterWrite, LiveFollow } from "./follow-up";
import { explainExchange } from "../exchange/explain";
import { parseJson, serviceProviderNotes } from "../exchange/trace-notes";
import { useT } from "../i18n/locale-provider";

/** The Changes tab's sentences about a write action: what the end-user system did after it, what the provider says it did, or why it was refused. */

const SUMMARY: Record<AfterWrite["state"], string> = {
  fetching: "callout-info",
  changed: "callout-ok",
  unchanged: "callout-info",
  "gave-up": "callout-error",
  failed: "callout-error",
};

export function Summary({ after, sp }: { after: AfterWrite; sp: Exchange }) {
  const t = useT();
  const n = after.fetches.length;
  const how = after.live
    ? ""
    : after.mode === "poll"
      ? t(
          {
            en: "{status} Accepted: the change was queued, so the end-user system polls the dialog at most once a second, for up to 10 s. {gets} so far.",
            nb: "{status} Accepted: endringen ble satt i kø, så sluttbrukersystemet spør etter dialogen høyst én gang i sekundet, i opptil 10 s. {gets} så langt.",
          },
          { status: sp.response?.status ?? "", gets: n === 1 ? t({ en: "1 GET", nb: "1 GET" }) : t({ en: "{n} GETs", nb: "{n} GET-er" }, { n }) },
        )
      : t(
          {
            en: "{status}: the dialog was already updated, so the end-user system fetched it once.",
            nb: "{status}: dialogen var allerede oppdatert, så sluttbrukersystemet hentet den én gang.",
          },
          { status: `${sp.response?.status ?? ""} ${sp.response?.statusText ?? ""}`.trim() },
        );
  const what =
    after.state === "changed"
      ? t({
          en: " The revision changed: below is what is different, read from the two dialogs Dialogporten returned.",
          nb: " Revisjonen ble endret: nedenfor står det som er ulikt, lest fra de to dialogene Dialogporten returnerte.",
        })
      : after.state === "fetching"
        ? t({ en: " Waiting for a new revision…", nb: " Venter på en ny revisjon …" })
        : "";
  return (
    <p className={SUMMARY[after.state]}>
      {after.live && <LiveSummary live={after.live} status={sp.response?.status} gets={n} />}
      {how}
      {what} {after.detail}
      {after.signIn &&
        t({
          en: " The access token had expired (they live 120 s here), so it signed in again first.",
          nb: " Tilgangstokenet hadde utløpt (de lever 120 s her), så det logget inn på nytt først.",
        })}
    </p>
  );
}

/** How the end-user system followed the 202: Dialogporten's GraphQL subscription, opened with the dialog token. */
function LiveSummary({ live, status, gets }: { live: LiveFollow; status: number | undefined; gets: number }) {
  const t = useT();
  const opened = {
    en: "{status} Accepted: the change was queued, so the end-user system subscribed to the dialog's events (GraphQL dialogEvents over Server-Sent Events, with the dialog token as its only credential). ",
    nb: "{status} Accepted: endringen ble lagt i kø, så sluttbrukersystemet abonnerte på dialogens hendelser (GraphQL dialogEvents over Server-Sent Events, med dialogtokenet som eneste legitimasjon). ",
  };
  const states: Record<LiveFollow["state"], { en: string; nb: string }> = {
    connecting: { en: "Connecting…", nb: "Kobler til …" },
    listening: { en: "Listening for an event…", nb: "Venter på en hendelse …" },
    event: { en: "Dialogporten sent {type}, so it fetched the dialog again.", nb: "Dialogporten sendte {type}, så det hentet dialogen på nytt." },
    refused: {
      en: "Dialogporten refused the subscription, so it polls the dialog at most once a second instead (the documented fallback).",
      nb: "Dialogporten avviste abonnementet, så det spør etter dialogen høyst én gang i sekundet i stedet (den dokumenterte reserveløsningen).",
    },
    ended: {
      en: "The stream ended without an event, so it polls the dialog instead.",
      nb: "Strømmen ble avsluttet uten hendelse, så det spør etter dialogen i stedet.",
    },
  };
  return (
    <>
      {t(opened, { status: status ?? "" })}
      {t(states[live.state], { type: live.event?.type ?? "" })}{" "}
      {t({ en: "Dialog GETs so far: {n}.", nb: "Henting av dialogen så langt: {n}." }, { n: gets })}{" "}
    </>
  );
}

/** The provider's own account of the write, from its trace: it changed the dialog through Dialogporten, not the end-user system. */
export function ProviderAccount({ sp }: { sp: Exchange }) {
  const t = useT();
  const w = serviceProviderNotes(sp).write;
  if (!w) return null;
  const e = w.effect;
  const what = e
    ? [
        e.activity,
        e.status && `status ${e.status}`,
        e.task && `task ${e.task.from ?? "—"} → ${e.task.to ?? t({ en: "none (process ended)", nb: "ingen (prosessen er avsluttet)" })}`,
        e.systemLabel && `label ${e.systemLabel}`,
      ]
        .filter(Boolean)
        .join(", ")
    : "";
  return (
    <p className="text-sm text-muted-strong">
      {t({
        en: "The service provider's trace: it changed the dialog itself, through Dialogporten's service-owner API with its own Maskinporten token (never the dialog token)",
        nb: "Tjenestetilbyderens spor: den endret dialogen selv, gjennom Dialogportens tjenesteeier-API med sitt eget Maskinporten-token (aldri dialogtokenet)",
      })}
      {w.mode === "queued"
        ? t({ en: ", {ms} ms after answering 202.", nb: ", {ms} ms etter at den svarte 202." }, { ms: w.applyAfterMs ?? "?" })
        : t(
            { en: ", before answering: {what}{revision}.", nb: ", før den svarte: {what}{revision}." },
            {
              what,
              revision: w.revision ? `; ${t({ en: "revision", nb: "revisjon" })} ${w.revision.before} → ${w.revision.after ?? "?"}` : "",
            },
          )}
    </p>
  );
}

/** Why a write action was refused, and that nothing changed; a 422 names the task the dialog is in and the one the action needs. */
export function Refusal({ sp }: { sp: Exchange }) {
  const t = useT();
  const body = parseJson(sp.response?.body) as { currentTask?: string | null; requiredTask?: string } | undefined;
  const task = (x: string | null | undefined) => (x ? x.replace(/^urn:altinn:task:/, "") : t({ en: "no task", nb: "ingen oppgave" }));
  return (
    <div className="space-y-2">
      <p className="callout-error">{explainExchange(sp) ?? t({ en: "The service provider refused.", nb: "Tjenestetilbyderen avviste." })}</p>
      {body?.requiredTask && (
        <p className="callout-info">
          {t({ en: "The token was fine (step 5 passed): its", nb: "Tokenet var i orden (steg 5 besto): claimen" })} <code className="font-mono">a</code>{" "}
          {t({ en: "claim grants the action with", nb: "gir handlingen med" })} <code className="font-mono">{body.requiredTask}</code>.{" "}
          {t(
            {
              en: "But the provider keeps each dialog's task in its own records: it is in {current}, and the action belongs to {required}. A write action's token says what the user may do, not what the dialog is ready for.",
              nb: "Men tjenestetilbyderen holder rede på hver dialogs oppgave selv: den er i {current}, og handlingen hører til {required}. Tokenet til en skrivehandling sier hva brukeren har lov til, ikke hva dialogen er klar for.",
            },
            { current: task(body.currentTask), required: task(body.requiredTask) },
          )}
        </p>
      )}
      <p className="text-sm text-muted-strong">
        {t({
          en: "Nothing changed, so the end-user system does not fetch the dialog again.",
          nb: "Ingenting ble endret, så sluttbrukersystemet henter ikke dialogen på nytt.",
        })}
      </p>
    </div>
  );
}
