import type { Dialog } from "@/lib/altinn/dialog";
import type { Exchange } from "@/lib/shared/trace";
import { parseActions, formatAction } from "@/lib/altinn/dialog-token";
import { prettyBody } from "../ui/http-text";
import { partyName } from "../scenario/scenario";
import { DecisionChip, VerdictChip } from "../ui/status";
import { authorizeExchange, dialogportenNotes, explanations, parseJson } from "../exchange/trace-notes";

const first = (l: { value: string }[] | undefined) => l?.[0]?.value ?? "";

function elementName(dialog: Dialog | undefined, element: string, id: string): string {
  if (element === "mainContentReference") return "Main content (front-channel embed)";
  if (element === "guiAction") return `GUI action “${first(dialog?.guiActions.find((g) => g.id === id)?.title)}”`;
  if (element === "apiAction") {
    const a = dialog?.apiActions.find((x) => x.id === id);
    return `API action “${a?.name ?? a?.action ?? id}”`;
  }
  return `Transmission “${first(dialog?.transmissions.find((t) => t.id === id)?.content.title.value)}”`;
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
        <dt className="font-semibold">Subject</dt>
        <dd className="font-mono break-all">{subject}</dd>
        <dt className="font-semibold">Acting for</dt>
        <dd>
          <code className="font-mono break-all">{party ?? ""}</code>
          {party && partyName(party) !== party && ` (${partyName(party)})`}
        </dd>
        <dt className="font-semibold">Resource</dt>
        <dd className="font-mono break-all">{resource}</dd>
        <dt className="font-semibold">Holds</dt>
        <dd>
          {answered ? (
            why[0]?.roles.length ? (
              why[0].roles.map((r) => (
                <code key={r} className="mr-2 font-mono">
                  {r}
                </code>
              ))
            ) : (
              "no role or access package for this party"
            )
          ) : (
            <span className="text-muted">looked up by Altinn Authorization in step 2</span>
          )}
        </dd>
      </dl>

      {aa && (
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          <details>
            <summary className="cursor-pointer font-medium">XACML request (JSON, step 1)</summary>
            <pre className="code-block mt-1">{prettyBody(aa.request.body ?? "")}</pre>
          </details>
          {answered ? (
            <details>
              <summary className="cursor-pointer font-medium">XACML response (JSON, step 2)</summary>
              <pre className="code-block mt-1">{prettyBody(aa.response?.body ?? "")}</pre>
            </details>
          ) : (
            <p className="text-muted">XACML response: arrives in step 2</p>
          )}
        </div>
      )}

      <div>
        <p className="caption-text">
          Asked in step 1: {pairs.length} (action, attribute) pair{pairs.length === 1 ? "" : "s"}, one XACML request each, answered in order
        </p>
        <ul aria-label="Pairs asked about" className="flex flex-wrap gap-1.5">
          {pairs.map((p) => (
            <li key={`${p.name}@${p.attribute}`} className="chip chip-muted font-mono font-normal">
              {p.name} × {p.attribute}
            </li>
          ))}
        </ul>
      </div>

      {answered && (
        <table className="data-table table-fixed">
          <caption className="caption-text">Decisions: one XACML result per (action, attribute) pair, in request order</caption>
          <thead>
            <tr>
              <th scope="col" className="w-[30%]">
                Action × attribute
              </th>
              <th scope="col" className="w-32">
                Decision
              </th>
              <th scope="col">Decided by</th>
              <th scope="col" className="w-[24%]">
                Entry in a
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
                          <strong className="font-mono">{w.ruleId}</strong>: {w.ruleDescription}
                        </>
                      ) : (
                        w.detail
                      )
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="text-[0.8125rem]">
                    {p.decision === "Permit" ? (
                      <>
                        <Urn value={entry} />{" "}
                        {a !== undefined && (inA.has(entry) ? <VerdictChip verdict="pass" word="in a" /> : <VerdictChip verdict="fail" word="missing" />)}
                      </>
                    ) : (
                      <span className="text-muted">— not in a</span>
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
          So the token&apos;s <code className="font-mono">a</code> = <code className="font-mono font-semibold break-all">{JSON.stringify(a)}</code>: the
          Permits, sorted, joined with &quot;;&quot;, &quot;main&quot; left out.
        </p>
      )}

      {answered && notes.isAuthorized && (
        <table className="data-table">
          <caption className="caption-text">isAuthorized: how Dialogporten flags each element of the dialog it returns (step 3)</caption>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Needs</th>
              <th scope="col">isAuthorized</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {notes.isAuthorized.map((n) => (
              <tr key={`${n.element}:${n.id}`}>
                <th scope="row" className="text-left font-normal">
                  {elementName(dialog, n.element, n.id)}
                </th>
                <td className="text-[0.8125rem]">
                  <Urn value={entryOf(n.action, n.attribute)} />
                </td>
                <td>
                  <VerdictChip verdict={n.isAuthorized ? "pass" : "fail"} word={n.isAuthorized ? "true" : "false"} />
                </td>
                <td className="text-sm">
                  {n.rule}
                  {n.isAuthorized ? "" : "; its URL is masked as urn:dialogporten:unauthorized"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
