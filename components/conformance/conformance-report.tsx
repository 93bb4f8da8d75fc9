"use client";

import { useMemo } from "react";
import type { CaseResult, ConformanceReport } from "@/lib/conformance/run";
import { findingText, summaryLine, toJson, toJunit } from "@/lib/conformance/report";
import { VerdictChip } from "@/components/ui/status";

/** One row per request sent: what it was, what the provider answered, and whether that was right. */
export function ResultList({ results, label }: { results: CaseResult[]; label: string }) {
  return (
    <ol aria-label={label} className="list-none divide-y divide-slate-200 rounded border border-line dark:divide-slate-700">
      {results.map((r) => (
        <li key={r.id} data-case={r.id} data-passed={String(r.passed)} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 px-2 py-1 text-sm">
          <VerdictChip
            verdict={r.skipped ? "skip" : r.passed ? "pass" : "fail"}
            word={r.skipped ? "Not sent" : r.passed ? (r.expected === "accepted" ? "Accepted" : "Refused") : "Finding"}
          />
          <code className="font-mono font-semibold break-all">{r.id}</code>
          <span className="min-w-0 flex-1 basis-48 break-words text-muted-strong">{r.title}</span>
          <span className="font-mono text-xs break-all">{r.skipped ? "not sent" : r.answered}</span>
        </li>
      ))}
    </ol>
  );
}

function Download({ name, type, text, children }: { name: string; type: string; text: string; children: string }) {
  const href = useMemo(() => `data:${type};charset=utf-8,${encodeURIComponent(text)}`, [type, text]);
  return (
    <a href={href} download={name} className="btn-secondary">
      {children}
    </a>
  );
}

/** The verdict, every finding in words, and the report to take away (JUnit for CI, JSON for scripts). */
export function ConformanceReportView({ report }: { report: ConformanceReport }) {
  const skipped = report.attacks.filter((a) => a.skipped);
  return (
    <div data-testid="conformance-report" data-passed={String(report.passed)} className="space-y-2">
      <p className={report.passed ? "callout-ok" : "callout-error"}>
        <strong>{summaryLine(report)}</strong>
      </p>
      {report.findings.length > 0 && (
        <section aria-labelledby="findings-title" className="space-y-1">
          <h3 id="findings-title" className="section-label">
            Findings
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {report.findings.map((f) => (
              <li key={f.id} data-finding={f.id} className="break-words">
                {findingText(f)}
                {f.lesson && <span className="block text-muted-strong">{f.lesson}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {skipped.length > 0 && report.valid.passed && (
        <p className="callout-info">
          {skipped.length} attack{skipped.length === 1 ? " was" : "s were"} not sent from the browser ({skipped.map((s) => s.id).join(", ")}). Choose “through
          the sandbox” or run <code>npm run conformance</code> to send them.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Download name="conformance-junit.xml" type="application/xml" text={toJunit(report)}>
          Download JUnit XML
        </Download>
        <Download name="conformance.json" type="application/json" text={toJson(report)}>
          Download JSON
        </Download>
      </div>
    </div>
  );
}
