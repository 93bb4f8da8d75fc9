import type { Dialog } from "@/lib/altinn/dialog";
import type { Exchange } from "@/lib/shared/trace";
import type { AfterWrite, LiveFollow } from "./follow-up";
import { useT } from "../i18n/locale-provider";
import { followUpOf } from "./follow-up";
import type { TokenTimes } from "./dialog-diff";
import { diffDialogs, isoSeconds, performer } from "./dialog-diff";
import { explainExchange } from "../exchange/explain";
import { Placeholder } from "../ui/placeholder";
import type { RunData, Step } from "./run-model";
import { StatusBadge, VerdictChip } from "../ui/status";
import { parseJson, serviceProviderNotes } from "../exchange/trace-notes";

const SUMMARY: Record<AfterWrite["state"], string> = {
  fetching: "callout-info",
  changed: "callout-ok",
  unchanged: "callout-info",
  "gave-up": "callout-error",
  failed: "callout-error",
};

function Summary({ after, sp }: { after: AfterWrite; sp: Exchange }) {
  const n = after.fetches.length;
  const how = after.live
    ? ""
    : after.mode === "poll"
      ? `${sp.response?.status} Accepted: the change was queued, so the end-user system polls the dialog at most once a second, for up to 10 s. ${n} GET${n === 1 ? "" : "s"} so far.`
      : `${sp.response?.status} ${sp.response?.statusText ?? ""}: the dialog was already updated, so the end-user system fetched it once.`;
  const what =
    after.state === "changed"
      ? " The revision changed: below is what is different, read from the two dialogs Dialogporten returned."
      : after.state === "fetching"
        ? " Waiting for a new revision…"
        : "";
  return (
    <p className={SUMMARY[after.state]}>
      {after.live && <LiveSummary live={after.live} status={sp.response?.status} gets={n} />}
      {how}
      {what} {after.detail}
      {after.signIn && " The access token had expired (they live 120 s here), so it signed in again first."}
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
function ProviderAccount({ sp }: { sp: Exchange }) {
  const w = serviceProviderNotes(sp).write;
  if (!w) return null;
  const e = w.effect;
  const what = e
    ? [
        e.activity,
        e.status && `status ${e.status}`,
        e.process && `process ${e.process.replace(/^urn:altinn:task:/, "")}`,
        e.systemLabel && `label ${e.systemLabel}`,
      ]
        .filter(Boolean)
        .join(", ")
    : "";
  return (
    <p className="text-sm text-muted-strong">
      The service provider&apos;s trace: it changed the dialog itself, through Dialogporten&apos;s service-owner API with its own Maskinporten token (never the
      dialog token)
      {w.mode === "queued"
        ? `, ${w.applyAfterMs ?? "some"} ms after answering 202.`
        : `, before answering: ${what}${w.revision ? `; revision ${w.revision.before} → ${w.revision.after ?? "?"}` : ""}.`}
    </p>
  );
}

function TokenRow({ name, before, after, show }: { name: string; before: TokenTimes | null; after: TokenTimes | null; show: (t: TokenTimes) => string }) {
  const [b, a] = [before ? show(before) : "—", after ? show(after) : "—"];
  return (
    <tr>
      <th scope="row" className="font-mono">
        {name}
      </th>
      <td className="font-mono break-all">{b}</td>
      <td className="font-mono break-all">{a}</td>
      <td>{b !== a ? <VerdictChip verdict="pass" word="New" /> : <VerdictChip verdict="skip" word="Same" />}</td>
    </tr>
  );
}

function Diff({ before, after }: { before: Dialog; after: Dialog }) {
  const diff = diffDialogs(before, after);
  const t = diff.token;
  return (
    <>
      <table className="data-table">
        <caption className="caption-text">The dialog, before and after</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {diff.fields.map((f) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td className="font-mono break-all">{f.before}</td>
              <td className="font-mono break-all">{f.after}</td>
              <td>{f.changed ? <VerdictChip verdict="pass" word="Changed" /> : <VerdictChip verdict="skip" word="Same" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-activities" className="space-y-1">
        <h4 id="new-activities" className="section-label">
          New activities ({diff.newActivities.length})
        </h4>
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {diff.newActivities.map((a) => (
            <li key={a.id}>
              <strong>{a.type}</strong> by <code className="font-mono break-all">{performer(a)}</code> at <time dateTime={a.createdAt}>{a.createdAt}</time>
            </li>
          ))}
          {diff.newActivities.length === 0 && <li>None.</li>}
        </ul>
      </section>
      <table className="data-table">
        <caption className="caption-text">The dialog token, before and after: every GET of the dialog returns a new one</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Old token</th>
            <th scope="col">New token</th>
            <th scope="col">Differs</th>
          </tr>
        </thead>
        <tbody>
          <TokenRow name="jti" before={t.before} after={t.after} show={(x) => x.jti} />
          <TokenRow name="iat" before={t.before} after={t.after} show={(x) => isoSeconds(x.iat)} />
          <TokenRow name="exp" before={t.before} after={t.after} show={(x) => isoSeconds(x.exp)} />
        </tbody>
      </table>
    </>
  );
}

function Fetches({ fetches }: { fetches: Exchange[] }) {
  return (
    <ol aria-label="GETs of the dialog after the write action" className="list-decimal space-y-0.5 pl-6 text-sm">
      {fetches.map((e) => {
        const revision = (parseJson(e.response?.body) as { revision?: string } | undefined)?.revision;
        return (
          <li key={e.id}>
            <time dateTime={e.startedAt}>{new Date(e.startedAt).toLocaleTimeString()}</time> GET the dialog:{" "}
            <StatusBadge status={e.response?.status} text={e.response?.statusText ?? e.error ?? ""} />
            {revision && <span className="font-mono"> revision {revision}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** Why a write action was refused, and that nothing changed; a 422 names the task the dialog is in and the one the action needs. */
function Refusal({ sp }: { sp: Exchange }) {
  const body = parseJson(sp.response?.body) as { currentTask?: string | null; requiredTask?: string } | undefined;
  const task = (t: string | null | undefined) => (t ? t.replace(/^urn:altinn:task:/, "") : "no task");
  return (
    <div className="space-y-2">
      <p className="callout-error">{explainExchange(sp) ?? "The service provider refused."}</p>
      {body?.requiredTask && (
        <p className="callout-info">
          The token was fine (step 5 passed): its <code className="font-mono">a</code> claim grants the action with{" "}
          <code className="font-mono">{body.requiredTask}</code>. But the provider read the dialog&apos;s process from Dialogporten: it is in{" "}
          {task(body.currentTask)}, and the action belongs to {task(body.requiredTask)}. A write action&apos;s token says what the user may do, not what the
          dialog is ready for.
        </p>
      )}
      <p className="text-sm text-muted-strong">Nothing changed, so the end-user system does not fetch the dialog again.</p>
    </div>
  );
}

/** The Changes tab: what a write action really did to the dialog, seen by fetching it again. */
export function ChangesView({ data, step }: { data: RunData | null; step: Step }) {
  const sp = data?.spExchange;
  if (!data || !sp || step < 6)
    return (
      <Placeholder>
        Available after step 6 of a write action (a GUI action with POST or DELETE, such as “Send inn”): the end-user system then fetches the dialog again, and
        this tab shows what changed.
      </Placeholder>
    );
  if (data.action?.method === "GET")
    return (
      <Placeholder>
        This run&apos;s action is a GET: it reads, and changes nothing. Pick a GUI action such as “Send inn” to see a write action change the dialog.
      </Placeholder>
    );
  if (!followUpOf(data.action?.method, sp)) return <Refusal sp={sp} />;
  if (!data.after) {
    return (
      <Placeholder>
        The service provider answered {sp.response?.status} {sp.response?.statusText}. Press Next step: the end-user system fetches the dialog again to see what
        changed.
      </Placeholder>
    );
  }
  const { after } = data;
  return (
    <div className="space-y-4">
      <Summary after={after} sp={sp} />
      <ProviderAccount sp={sp} />
      {after.dialog && data.dialog && after.state !== "fetching" && <Diff before={data.dialog} after={after.dialog} />}
      <Fetches fetches={after.fetches} />
    </div>
  );
}
