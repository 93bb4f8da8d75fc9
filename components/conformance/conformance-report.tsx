"use client";

import { useMemo } from "react";
import type { CaseResult, ConformanceReport } from "@/lib/conformance/run";
import { toJson, toJunit } from "@/lib/conformance/report";
import { VerdictChip } from "@/components/ui/status";
import { useLocale, useT } from "../i18n/locale-provider";
import { langAttr, type Translated } from "../i18n/patterns";
import { findingIn, lessonIn, summaryIn, titleIn } from "./report-texts";

/** One row per request sent: what it was, what the provider answered, and whether that was right. */
export function ResultList({ results, label }: { results: CaseResult[]; label: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol aria-label={label} className="list-none divide-y divide-slate-200 rounded border border-line dark:divide-slate-700">
      {results.map((r) => (
        <li key={r.id} data-case={r.id} data-passed={String(r.passed)} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 px-2 py-1 text-sm">
          <VerdictChip
            verdict={r.skipped ? "skip" : r.passed ? "pass" : "fail"}
            word={t(
              r.skipped
                ? { en: "Not sent", nb: "Ikke sendt" }
                : r.passed
                  ? r.expected === "accepted"
                    ? { en: "Accepted", nb: "Godtatt" }
                    : { en: "Refused", nb: "Avvist" }
                  : { en: "Finding", nb: "Funn" },
            )}
          />
          <code className="font-mono font-semibold break-all">{r.id}</code>
          <Said text={titleIn(r, locale)} className="min-w-0 flex-1 basis-48 break-words text-muted-strong" />
          <span className="font-mono text-xs break-all">{r.skipped ? t({ en: "not sent", nb: "ikke sendt" }) : r.answered}</span>
        </li>
      ))}
    </ol>
  );
}

function Said({ text, className }: { text: Translated; className?: string }) {
  const locale = useLocale();
  return (
    <span className={className} lang={langAttr(text, locale)}>
      {text.text}
    </span>
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
  const t = useT();
  const locale = useLocale();
  const summary = summaryIn(report, locale);
  const skipped = report.attacks.filter((a) => a.skipped);
  return (
    <div data-testid="conformance-report" data-passed={String(report.passed)} className="space-y-2">
      <p className={report.passed ? "callout-ok" : "callout-error"} lang={langAttr(summary, locale)}>
        <strong>{summary.text}</strong>
      </p>
      {report.findings.length > 0 && (
        <section aria-labelledby="findings-title" className="space-y-1">
          <h3 id="findings-title" className="section-label">
            {t({ en: "Findings", nb: "Funn" })}
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {report.findings.map((f) => {
              const lesson = lessonIn(f, locale);
              return (
                <li key={f.id} data-finding={f.id} className="break-words">
                  <Said text={findingIn(f, locale)} />
                  {lesson && <Said text={lesson} className="block text-muted-strong" />}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {skipped.length > 0 && report.valid.passed && (
        <p className="callout-info">
          {t(
            skipped.length === 1
              ? { en: "1 attack was not sent from the browser ({ids}).", nb: "1 angrep ble ikke sendt fra nettleseren ({ids})." }
              : { en: "{n} attacks were not sent from the browser ({ids}).", nb: "{n} angrep ble ikke sendt fra nettleseren ({ids})." },
            { n: skipped.length, ids: skipped.map((s) => s.id).join(", ") },
          )}{" "}
          {t({ en: "Choose “through the sandbox” or run", nb: "Velg «gjennom sandkassen» eller kjør" })} <code>npm run conformance</code>{" "}
          {t({ en: "to send them.", nb: "for å sende dem." })}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Download name="conformance-junit.xml" type="application/xml" text={toJunit(report)}>
          {t({ en: "Download JUnit XML", nb: "Last ned JUnit XML" })}
        </Download>
        <Download name="conformance.json" type="application/json" text={toJson(report)}>
          {t({ en: "Download JSON", nb: "Last ned JSON" })}
        </Download>
      </div>
    </div>
  );
}
