import type { Dialog } from "@/lib/altinn/dialog";
import type { Exchange } from "@/lib/shared/trace";
import { followUpOf } from "./follow-up";
import type { TokenTimes } from "./dialog-diff";
import { diffDialogs, isoSeconds, performer } from "./dialog-diff";
import { Placeholder } from "../ui/placeholder";
import type { RunData, Step } from "./run-model";
import { StatusBadge, VerdictChip } from "../ui/status";
import { parseJson } from "../exchange/trace-notes";
import { useT } from "../i18n/locale-provider";
import { ProviderAccount, Refusal, Summary } from "./write-summary";

function TokenRow({ name, before, after, show }: { name: string; before: TokenTimes | null; after: TokenTimes | null; show: (t: TokenTimes) => string }) {
  const t = useT();
  const [b, a] = [before ? show(before) : "—", after ? show(after) : "—"];
  return (
    <tr>
      <th scope="row" className="font-mono">
        {name}
      </th>
      <td className="font-mono break-all">{b}</td>
      <td className="font-mono break-all">{a}</td>
      <td>{b !== a ? <VerdictChip verdict="pass" word={t({ en: "New", nb: "Ny" })} /> : <VerdictChip verdict="skip" word={t({ en: "Same", nb: "Lik" })} />}</td>
    </tr>
  );
}

function Diff({ before, after }: { before: Dialog; after: Dialog }) {
  const t = useT();
  const diff = diffDialogs(before, after);
  const token = diff.token;
  return (
    <>
      <table className="data-table">
        <caption className="caption-text">{t({ en: "The dialog, before and after", nb: "Dialogen, før og etter" })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ en: "Field", nb: "Felt" })}</th>
            <th scope="col">{t({ en: "Before", nb: "Før" })}</th>
            <th scope="col">{t({ en: "After", nb: "Etter" })}</th>
            <th scope="col">{t({ en: "Changed", nb: "Endret" })}</th>
          </tr>
        </thead>
        <tbody>
          {diff.fields.map((f) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td className="font-mono break-all">{f.before}</td>
              <td className="font-mono break-all">{f.after}</td>
              <td>
                {f.changed ? (
                  <VerdictChip verdict="pass" word={t({ en: "Changed", nb: "Endret" })} />
                ) : (
                  <VerdictChip verdict="skip" word={t({ en: "Same", nb: "Lik" })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-activities" className="space-y-1">
        <h3 id="new-activities" className="section-label">
          {t({ en: "New activities ({n})", nb: "Nye aktiviteter ({n})" }, { n: diff.newActivities.length })}
        </h3>
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {diff.newActivities.map((a) => (
            <li key={a.id}>
              <strong>{a.type}</strong> {t({ en: "by", nb: "av" })} <code className="font-mono break-all">{performer(a)}</code> {t({ en: "at", nb: "kl." })}{" "}
              <time dateTime={a.createdAt}>{a.createdAt}</time>
            </li>
          ))}
          {diff.newActivities.length === 0 && <li>{t({ en: "None.", nb: "Ingen." })}</li>}
        </ul>
      </section>
      <table className="data-table">
        <caption className="caption-text">
          {t({
            en: "The dialog token, before and after: every GET of the dialog returns a new one",
            nb: "Dialogtokenet, før og etter: hver GET av dialogen gir et nytt",
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">{t({ en: "Old token", nb: "Gammelt token" })}</th>
            <th scope="col">{t({ en: "New token", nb: "Nytt token" })}</th>
            <th scope="col">{t({ en: "Differs", nb: "Ulik" })}</th>
          </tr>
        </thead>
        <tbody>
          <TokenRow name="jti" before={token.before} after={token.after} show={(x) => x.jti} />
          <TokenRow name="iat" before={token.before} after={token.after} show={(x) => isoSeconds(x.iat)} />
          <TokenRow name="exp" before={token.before} after={token.after} show={(x) => isoSeconds(x.exp)} />
        </tbody>
      </table>
    </>
  );
}

function Fetches({ fetches }: { fetches: Exchange[] }) {
  const t = useT();
  return (
    <ol
      aria-label={t({ en: "GETs of the dialog after the write action", nb: "GET-er av dialogen etter skrivehandlingen" })}
      className="list-decimal space-y-0.5 pl-6 text-sm"
    >
      {fetches.map((e) => {
        const revision = (parseJson(e.response?.body) as { revision?: string } | undefined)?.revision;
        return (
          <li key={e.id}>
            <time dateTime={e.startedAt}>{new Date(e.startedAt).toLocaleTimeString()}</time> {t({ en: "GET the dialog:", nb: "GET av dialogen:" })}{" "}
            <StatusBadge status={e.response?.status} text={e.response?.statusText ?? e.error ?? ""} />
            {revision && (
              <span className="font-mono">
                {" "}
                {t({ en: "revision", nb: "revisjon" })} {revision}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The Changes tab: what a write action really did to the dialog, seen by fetching it again. */
export function ChangesView({ data, step }: { data: RunData | null; step: Step }) {
  const t = useT();
  const sp = data?.spExchange;
  if (!data || !sp || step < 6)
    return (
      <Placeholder>
        {t({
          en: "Available after step 6 of a write action (a GUI action with POST or DELETE, such as “Send inn”): the end-user system then fetches the dialog again, and this tab shows what changed.",
          nb: "Tilgjengelig etter steg 6 av en skrivehandling (en GUI-handling med POST eller DELETE, som «Send inn»): da henter sluttbrukersystemet dialogen på nytt, og denne fanen viser hva som ble endret.",
        })}
      </Placeholder>
    );
  if (data.action?.method === "GET")
    return (
      <Placeholder>
        {t({
          en: "This run's action is a GET: it reads, and changes nothing. Pick a GUI action such as “Send inn” to see a write action change the dialog.",
          nb: "Handlingen i denne kjøringen er en GET: den leser og endrer ingenting. Velg en GUI-handling som «Send inn» for å se en skrivehandling endre dialogen.",
        })}
      </Placeholder>
    );
  if (!followUpOf(data.action?.method, sp)) return <Refusal sp={sp} />;
  if (!data.after) {
    return (
      <Placeholder>
        {t(
          {
            en: "The service provider answered {status}. Press Next step: the end-user system fetches the dialog again to see what changed.",
            nb: "Tjenestetilbyderen svarte {status}. Trykk Neste steg: sluttbrukersystemet henter dialogen på nytt for å se hva som ble endret.",
          },
          { status: `${sp.response?.status ?? ""} ${sp.response?.statusText ?? ""}`.trim() },
        )}
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
