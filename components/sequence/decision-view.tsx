import type { Dialog } from "@/lib/altinn/dialog";
import type { Exchange } from "@/lib/shared/trace";
import { parseActions, formatAction } from "@/lib/altinn/dialog-token";
import { prettyBody } from "../ui/http-text";
import { partyName } from "../scenario/scenario";
import { DecisionChip, VerdictChip } from "../ui/status";
import { authorizeExchange, dialogportenNotes, explanations, parseJson } from "../exchange/trace-notes";
import { Nb, useLocale, useT } from "../i18n/locale-provider";
import { langAttr, type Translated } from "../i18n/patterns";
import { decisionDetail, decisionReason, ruleDescription } from "./decision-texts";
import type { Text } from "../i18n/text";

type T = (text: Text, values?: Record<string, string | number>) => string;

const first = (l: { value: string }[] | undefined) => l?.[0]?.value ?? "";

function ElementName({ dialog, element, id, t }: { dialog: Dialog | undefined; element: string; id: string; t: T }) {
  if (element === "mainContentReference") return <>{t({ en: "Main content (front-channel embed)", nb: "Hovedinnhold (front-channel embed)" })}</>;
  // The seed's titles are Norwegian whatever the UI language: marked so a screen reader reads them as such.
  if (element === "guiAction")
    return (
      <>
        {t({ en: "GUI action", nb: "GUI-handling" })} “<Nb>{first(dialog?.guiActions.find((g) => g.id === id)?.title)}</Nb>”
      </>
    );
  if (element === "apiAction") {
    const a = dialog?.apiActions.find((x) => x.id === id);
    return (
      <>
        {t({ en: "API action", nb: "API-handling" })} “{a?.name ?? a?.action ?? id}”
      </>
    );
  }
  return (
    <>
      {t({ en: "Transmission", nb: "Forsendelse" })} “<Nb>{first(dialog?.transmissions.find((x) => x.id === id)?.content.title.value)}</Nb>”
    </>
  );
}

/** A URN in monospace that may wrap after each colon instead of mid-word. */
function Urn({ value }: { value: string }) {
  const parts = value.split(/(?<=[:,])/);
  return (
    <code className="font-mono">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </code>
  );
}

const entryOf = (name: string, attribute: string) => formatAction({ name, attribute: attribute === "main" ? undefined : attribute });

/** Steps 1–2: what Dialogporten asked, what Altinn Authorization answered and why, and how each Permit reached the token and the dialog. */
export function DecisionView({ dialogExchange, dialog, step }: { dialogExchange: Exchange; dialog: Dialog | undefined; step: number }) {
  const t = useT();
  const locale = useLocale();
  const notes = dialogportenNotes(dialogExchange);
  const aa = authorizeExchange(dialogExchange);
  const why = explanations(dialogExchange);
  const answered = step >= 2;
  const pairs = notes.decisions ?? notes.candidates?.map((c) => ({ ...c, decision: "" })) ?? [];
  const a = typeof notes.token?.claims.a === "string" ? notes.token.claims.a : undefined;
  const inA = new Set(a === undefined ? [] : parseActions(a).map(formatAction));
  const subject = why[0]?.subject ?? (notes.principal ? `${notes.principal.subject.id}:${notes.principal.subject.value}` : "");
  // What Dialogporten asked about, read from its XACML request (known in step 1, before any answer).
  const request = parseJson(aa?.request.body) as { Request?: { Resource?: { Attribute: { AttributeId: string; Value: string }[] }[] } } | undefined;
  const attrs = request?.Request?.Resource?.[0]?.Attribute ?? [];
  const find = (pred: (id: string) => boolean) => attrs.find((x) => pred(x.AttributeId));
  const partyAttr = find((id) => id.startsWith("urn:altinn:person") || id.startsWith("urn:altinn:organization") || id === "urn:altinn:partyid");
  const party = partyAttr ? `${partyAttr.AttributeId}:${partyAttr.Value}` : (why[0]?.party ?? undefined);
  const resourceAttr = find((id) => id === "urn:altinn:resource" || id === "urn:altinn:app");
  const resource = resourceAttr ? `${resourceAttr.AttributeId}:${resourceAttr.Value}` : (why[0]?.resourceId ?? "");

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-semibold">{t({ en: "Subject", nb: "Subjekt" })}</dt>
        <dd className="font-mono break-all">{subject}</dd>
        <dt className="font-semibold">{t({ en: "Acting for", nb: "Handler for" })}</dt>
        <dd>
          <code className="font-mono break-all">{party ?? ""}</code>
          {party && partyName(party) !== party && (
            <>
              {" "}
              (<Nb>{partyName(party)}</Nb>)
            </>
          )}
        </dd>
        <dt className="font-semibold">{t({ en: "Resource", nb: "Ressurs" })}</dt>
        <dd className="font-mono break-all">{resource}</dd>
        <dt className="font-semibold">{t({ en: "Holds", nb: "Har" })}</dt>
        <dd>
          {answered ? (
            why[0]?.roles.length ? (
              why[0].roles.map((r) => (
                <code key={r} className="mr-2 font-mono">
                  {r}
                </code>
              ))
            ) : (
              t({ en: "no role or access package for this party", nb: "ingen rolle eller tilgangspakke for denne parten" })
            )
          ) : (
            <span className="text-muted">{t({ en: "looked up by Altinn Authorization in step 2", nb: "slås opp av Altinn Autorisasjon i steg 2" })}</span>
          )}
        </dd>
      </dl>

      {aa && (
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          <details>
            <summary className="cursor-pointer font-medium">{t({ en: "XACML request (JSON, step 1)", nb: "XACML-forespørsel (JSON, steg 1)" })}</summary>
            <pre className="code-block mt-1">{prettyBody(aa.request.body ?? "")}</pre>
          </details>
          {answered ? (
            <details>
              <summary className="cursor-pointer font-medium">{t({ en: "XACML response (JSON, step 2)", nb: "XACML-svar (JSON, steg 2)" })}</summary>
              <pre className="code-block mt-1">{prettyBody(aa.response?.body ?? "")}</pre>
            </details>
          ) : (
            <p className="text-muted">{t({ en: "XACML response: arrives in step 2", nb: "XACML-svar: kommer i steg 2" })}</p>
          )}
        </div>
      )}

      <div>
        {/* One multi-request, one RequestReference per pair (lib/altinn/decision-request.ts; docs/real-systems.md §4.2). */}
        <p className="caption-text">
          {t(
            pairs.length === 1
              ? {
                  en: "Asked in step 1: {n} (action, attribute) pair, in one XACML multi-request (one RequestReference per pair)",
                  nb: "Spurt i steg 1: {n} par (handling, attributt), i én XACML-multiforespørsel (én RequestReference per par)",
                }
              : {
                  en: "Asked in step 1: {n} (action, attribute) pairs, in one XACML multi-request (one RequestReference per pair)",
                  nb: "Spurt i steg 1: {n} par (handling, attributt), i én XACML-multiforespørsel (én RequestReference per par)",
                },
            { n: pairs.length },
          )}
        </p>
        <ul aria-label={t({ en: "Pairs asked about", nb: "Parene det ble spurt om" })} className="flex flex-wrap gap-1.5">
          {pairs.map((p) => (
            <li key={`${p.name}@${p.attribute}`} className="chip chip-muted font-mono font-normal">
              {p.name} × {p.attribute}
            </li>
          ))}
        </ul>
      </div>

      {answered && (
        <table className="data-table table-fixed">
          <caption className="caption-text">
            {t({
              en: "Decisions: one XACML result per (action, attribute) pair, in the order of the request references",
              nb: "Avgjørelser: ett XACML-resultat per par (handling, attributt), i samme rekkefølge som forespørselsreferansene",
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="w-[30%]">
                {t({ en: "Action × attribute", nb: "Handling × attributt" })}
              </th>
              <th scope="col" className="w-32">
                {t({ en: "Decision", nb: "Avgjørelse" })}
              </th>
              <th scope="col">{t({ en: "Decided by", nb: "Avgjort av" })}</th>
              <th scope="col" className="w-[24%]">
                {t({ en: "Entry in a", nb: "Oppføring i a" })}
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p, i) => {
              const w = why[i];
              const entry = entryOf(p.name, p.attribute);
              return (
                <tr key={`${p.name}@${p.attribute}`}>
                  <th scope="row" className="font-normal">
                    <span className="font-mono font-bold">{p.name}</span> × <Urn value={p.attribute} />
                    {w && <span className="block font-mono text-xs text-muted">{w.reference.join(" ")}</span>}
                  </th>
                  <td>
                    <DecisionChip decision={p.decision} />
                  </td>
                  <td className="text-sm">
                    {w ? (
                      w.ruleId ? (
                        <>
                          <strong className="font-mono">{w.ruleId}</strong>: {ruleDescription(w.ruleDescription ?? "", locale)}
                        </>
                      ) : (
                        <Said text={decisionDetail(w.detail, locale)} />
                      )
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="text-[0.8125rem]">
                    {p.decision === "Permit" ? (
                      <>
                        <Urn value={entry} />{" "}
                        {a !== undefined &&
                          (inA.has(entry) ? (
                            <VerdictChip verdict="pass" word={t({ en: "in a", nb: "i a" })} />
                          ) : (
                            <VerdictChip verdict="fail" word={t({ en: "missing", nb: "mangler" })} />
                          ))}
                      </>
                    ) : (
                      <span className="text-muted">{t({ en: "— not in a", nb: "— ikke i a" })}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {answered && a !== undefined && (
        <p className="text-sm">
          {t({ en: "So the token's", nb: "Derfor er tokenets" })} <code className="font-mono">a</code> ={" "}
          <code className="font-mono font-semibold break-all">{JSON.stringify(a)}</code>
          {t({ en: ': the Permits, sorted, joined with ";", "main" left out.', nb: ': Permit-ene, sortert, skilt med ";", uten "main".' })}
        </p>
      )}

      {answered && notes.isAuthorized && (
        <table className="data-table">
          <caption className="caption-text">
            {t({
              en: "isAuthorized: how Dialogporten flags each element of the dialog it returns (step 3)",
              nb: "isAuthorized: hvordan Dialogporten merker hvert element i dialogen den returnerer (steg 3)",
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t({ en: "Element", nb: "Element" })}</th>
              <th scope="col">{t({ en: "Needs", nb: "Krever" })}</th>
              <th scope="col">isAuthorized</th>
              <th scope="col">{t({ en: "Why", nb: "Hvorfor" })}</th>
            </tr>
          </thead>
          <tbody>
            {notes.isAuthorized.map((n) => (
              <tr key={`${n.element}:${n.id}`}>
                <th scope="row" className="text-left font-normal">
                  <ElementName dialog={dialog} element={n.element} id={n.id} t={t} />
                </th>
                <td className="text-[0.8125rem]">
                  <Urn value={entryOf(n.action, n.attribute)} />
                </td>
                <td>
                  <VerdictChip verdict={n.isAuthorized ? "pass" : "fail"} word={n.isAuthorized ? "true" : "false"} />
                </td>
                <td className="text-sm">
                  <Said text={decisionReason(n.rule, locale)} />
                  {n.isAuthorized
                    ? ""
                    : t({ en: "; its URL is masked as urn:dialogporten:unauthorized", nb: "; URL-en er maskert som urn:dialogporten:unauthorized" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A sentence that may have stayed English in the Norwegian UI: marked so, as patterns.ts asks. */
function Said({ text }: { text: Translated }) {
  const locale = useLocale();
  return <span lang={langAttr(text, locale)}>{text.text}</span>;
}
