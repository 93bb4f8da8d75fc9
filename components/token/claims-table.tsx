"use client";

import { CLAIM_GLOSSARY, describeUrn, LEVELS, splitActions } from "./claims-glossary";
import { useNow } from "../ui/hooks";

const mmss = (seconds: number) => {
  const s = Math.abs(Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Live time left on the token; the text (not only the colour) says when it has expired. */
export function ExpiryCountdown({ exp }: { exp: number }) {
  const now = useNow();
  if (now === 0) return null;
  const left = exp - now / 1000;
  return left > 0 ? (
    <span className={`chip ${left < 60 ? "chip-warn" : "chip-ok"} tabular-nums`}>expires in {mmss(left)}</span>
  ) : (
    <span className="chip chip-bad tabular-nums">
      <span aria-hidden="true">✗</span> expired {mmss(left)} ago
    </span>
  );
}

function readable(seconds: number) {
  const d = new Date(seconds * 1000);
  return `${d.toISOString().replace(".000Z", "Z")} · ${d.toLocaleString()}`;
}

function Reading({ claim, value }: { claim: string; value: unknown }) {
  if (claim === "a" && typeof value === "string") {
    const entries = splitActions(value);
    if (entries.length === 0) return <p>Empty: no action permitted.</p>;
    return (
      <ul aria-label="Entries of a" className="list-none space-y-0.5">
        {entries.map((e) => (
          <li key={e.entry}>
            <code className="font-mono font-semibold">{e.entry}</code>: {e.reading}
          </li>
        ))}
      </ul>
    );
  }
  if ((claim === "iat" || claim === "nbf" || claim === "exp") && typeof value === "number") {
    return (
      <p>
        {readable(value)} {claim === "exp" && <ExpiryCountdown exp={value} />}
      </p>
    );
  }
  if (claim === "l" && typeof value === "number")
    return (
      <p>
        Level {value}: {LEVELS[value] ?? "unknown"}
      </p>
    );
  const urn = typeof value === "string" ? describeUrn(value) : null;
  return urn ? <p>{urn}</p> : null;
}

/** Every claim of the token: value, what it means in Altinn terms, and how this token's value reads. */
export function ClaimsTable({ claims }: { claims: Record<string, unknown> }) {
  const known = new Set(CLAIM_GLOSSARY.map((g) => g.claim));
  const rows = [
    ...CLAIM_GLOSSARY,
    ...Object.keys(claims)
      .filter((k) => !known.has(k))
      .map((claim) => ({
        claim,
        name: "Unknown claim",
        meaning: "Not part of today's dialog token. Ignore claims you do not know, but never skip the checks you do.",
      })),
  ];
  return (
    <table className="data-table">
      <caption className="sr-only">Claims of the dialog token, with their meaning</caption>
      <thead>
        <tr>
          <th scope="col" className="w-14">
            Claim
          </th>
          <th scope="col" className="w-[38%]">
            Value
          </th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.claim} className={g.claim in claims ? "" : "text-muted"}>
            <th scope="row" className="font-mono text-base">
              {g.claim}
            </th>
            <td className="font-mono text-[0.8125rem] break-all">
              {g.claim in claims ? JSON.stringify(claims[g.claim]) : <span className="font-sans italic">not in this token</span>}
            </td>
            <td className="space-y-1">
              <p>
                <strong>{g.name}.</strong> {g.meaning}
              </p>
              <div className="text-muted-strong">
                <Reading claim={g.claim} value={claims[g.claim]} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
