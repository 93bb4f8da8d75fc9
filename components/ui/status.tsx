"use client";

import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";

/** Colour-independent markers: every state has an icon and a word, colour only reinforces them. */

export function StatusBadge({ status, text }: { status: number | undefined; text: string }) {
  const ok = status !== undefined && status < 400;
  return (
    <span className={`chip ${ok ? "chip-ok" : "chip-bad"}`}>
      <span aria-hidden="true">{ok ? "✓" : "✗"}</span> {status ?? "—"} {text}
    </span>
  );
}

export type Verdict = "pass" | "fail" | "skip" | "info";

const VERDICT: Record<Verdict, { icon: string; word: Text; cls: string }> = {
  pass: { icon: "✓", word: { en: "Pass", nb: "Bestått" }, cls: "chip-ok" },
  fail: { icon: "✗", word: { en: "Fail", nb: "Feilet" }, cls: "chip-bad" },
  skip: { icon: "–", word: { en: "Not run", nb: "Ikke kjørt" }, cls: "chip-muted" },
  info: { icon: "○", word: { en: "Not asked", nb: "Ikke spurt" }, cls: "chip-muted" },
};

export function VerdictChip({ verdict, word }: { verdict: Verdict; word?: string }) {
  const t = useT();
  const v = VERDICT[verdict];
  return (
    <span className={`chip ${v.cls} whitespace-nowrap`}>
      <span aria-hidden="true">{v.icon}</span> {word ?? t(v.word)}
    </span>
  );
}

const DECISION: Record<string, { icon: string; cls: string }> = {
  Permit: { icon: "✓", cls: "chip-ok" },
  Deny: { icon: "✗", cls: "chip-bad" },
  NotApplicable: { icon: "○", cls: "chip-muted" },
  Indeterminate: { icon: "?", cls: "chip-warn" },
};

export function DecisionChip({ decision }: { decision: string }) {
  const d = DECISION[decision] ?? { icon: "…", cls: "chip-muted" };
  return (
    <span className={`chip ${d.cls} whitespace-nowrap`}>
      <span aria-hidden="true">{d.icon}</span> {decision}
    </span>
  );
}
