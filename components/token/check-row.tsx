"use client";

import { useEffect, useRef } from "react";
import type { Check } from "@/lib/service-provider/types";
import { useLocale, useT } from "../i18n/locale-provider";
import { langAttr } from "../i18n/patterns";
import { VerdictChip, type Verdict } from "../ui/status";
import { CHECK_LABELS } from "./check-labels";
import { checkSentence } from "./check-sentences";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

const verdictOf = (check: Check): Verdict => (check.ok ? (check.skipped ? "info" : "pass") : check.skipped ? "skip" : "fail");

/**
 * One step-5 check as the Checklist tab and the workbench show it: its verdict, its name and refusal code,
 * what it compared, and the verifier's sentence in the reader's language (English, marked so, where there is
 * none). `reveal` scrolls a failing check into view, for a list that scrolls inside a panel.
 */
export function CheckRow({ check, n, reveal = false }: { check: Check; n: number; reveal?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const verdict = verdictOf(check);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (reveal && verdict === "fail") ref.current?.scrollIntoView({ block: "nearest" });
  }, [reveal, verdict]);
  const sentence = checkSentence(check, locale);
  return (
    <li
      ref={ref}
      data-check={check.code}
      className={`grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-2 border-b border-line py-1.5 last:border-0 sm:grid-cols-[1.75rem_6.5rem_minmax(0,1fr)] ${verdict === "fail" ? "bg-red-50 dark:bg-red-950/40" : ""}`}
    >
      {/* The spaces keep the row's text readable as words ("11. ✗ Fail a …") for find-in-page and copy. */}
      <span className="text-right font-mono text-sm text-muted tabular-nums">{n}.</span>{" "}
      <span className="col-start-2 sm:col-start-auto">
        <VerdictChip verdict={verdict} />
      </span>{" "}
      <div className="col-start-2 min-w-0 space-y-0.5 sm:col-start-auto">
        <p>
          <code className="font-mono font-semibold">{check.code}</code> {t(CHECK_LABELS[check.code])}
          {check.failure && (
            <>
              {" "}
              → <code className="font-mono font-semibold text-red-700 dark:text-red-300">{check.failure}</code>
            </>
          )}
        </p>
        {(check.expected !== undefined || check.actual !== undefined) && (
          <p className="font-mono text-[0.8125rem] break-all">
            <span className="text-muted-strong">{t({ en: "expected", nb: "forventet" })}</span> {show(check.expected)}{" "}
            <span className="text-muted-strong">· {t({ en: "actual", nb: "faktisk" })}</span> {show(check.actual)}
          </p>
        )}
        <p lang={langAttr(sentence, locale)} className="text-sm text-muted-strong">
          {sentence.text}
        </p>
      </div>
    </li>
  );
}
