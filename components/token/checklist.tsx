"use client";

import { useEffect, useRef } from "react";
import type { Exchange } from "@/lib/shared/trace";
import { countCallsTo } from "@/lib/end-user-system/flow";
import { VerdictChip } from "../ui/status";
import type { Check } from "../exchange/trace-notes";
import { serviceProviderKeyExchanges, serviceProviderNotes } from "../exchange/trace-notes";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function CheckItem({ check, n }: { check: Check; n: number }) {
  const verdict = check.ok ? (check.skipped ? "info" : "pass") : check.skipped ? "skip" : "fail";
  const ref = useRef<HTMLLIElement>(null);
  // The failing check is the one to talk about: bring it into the panel's view (the panel scrolls, not the page).
  useEffect(() => {
    if (verdict === "fail") ref.current?.scrollIntoView({ block: "nearest" });
  }, [verdict]);
  return (
    <li
      ref={ref}
      className={`grid grid-cols-[2rem_6.5rem_1fr] gap-x-2 border-b border-line py-1.5 last:border-0 ${verdict === "fail" ? "bg-red-50 dark:bg-red-950/40" : ""}`}
    >
      <span className="text-right font-mono text-sm text-muted tabular-nums">{n}.</span>{" "}
      <span>
        <VerdictChip verdict={verdict} />
      </span>{" "}
      <div className="min-w-0 space-y-0.5">
        <p>
          <code className="font-mono font-semibold">{check.code}</code> {check.label}
          {check.failure && (
            <>
              {" "}
              → <code className="font-mono font-semibold text-red-700 dark:text-red-300">{check.failure}</code>
            </>
          )}
        </p>
        {(check.expected !== undefined || check.actual !== undefined) && (
          <p className="font-mono text-[0.8125rem] break-all">
            <span className="text-muted">expected</span> {show(check.expected)} <span className="text-muted">· actual</span> {show(check.actual)}
          </p>
        )}
        <p className="text-sm text-muted-strong">{check.detail}</p>
      </div>
    </li>
  );
}

/** Step 5: every check the service provider made, in order, with what it compared; no call to Altinn Authorization. */
export function Checklist({ spExchange }: { spExchange: Exchange }) {
  const notes = serviceProviderNotes(spExchange);
  const v = notes.verification;
  const keyCalls = serviceProviderKeyExchanges(spExchange);
  const aa = countCallsTo([spExchange], "authorization");
  if (!v) {
    return (
      <p className="callout-error">
        The service provider reported no verification (
        {spExchange.response
          ? `${spExchange.response.status}${notes.bearer ? `, ${notes.bearer}` : ""}${notes.jwks ? `, ${notes.jwks}` : ""}`
          : spExchange.error}
        ).
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {v.valid ? (
        <p className="callout-ok">
          <VerdictChip verdict="pass" word="Accepted" /> All {v.checks.filter((c) => !c.skipped).length} checks passed
          {notes.required ? ` for ${notes.required}` : ""}.
        </p>
      ) : (
        <p className="callout-error">
          <VerdictChip verdict="fail" word="Refused" /> First failure: check <code className="font-mono font-semibold">{v.failure?.code}</code> (
          {v.failure?.label}), reason code <code className="font-mono font-semibold">{v.failure?.failure}</code>. Checks after it were not run (fail closed).
        </p>
      )}
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <li>
          Keys:{" "}
          {notes.keySource === "network"
            ? `fetched now (${keyCalls.length} calls to Dialogporten: metadata, then JWKS)`
            : notes.keySource === "cache"
              ? "from the service provider's JWKS cache, no network"
              : "not needed"}
        </li>
        <li>
          Calls to Altinn Authorization: <strong className="tabular-nums">{aa}</strong>
        </li>
        {notes.required && (
          <li>
            Action required: <code className="font-mono">{notes.required}</code>
          </li>
        )}
      </ul>
      <ol aria-label="Checks in the order the service provider ran them" className="list-none">
        {v.checks.map((c, i) => (
          <CheckItem key={c.code} check={c} n={i + 1} />
        ))}
      </ol>
    </div>
  );
}
