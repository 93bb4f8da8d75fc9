import type { CaseResult, ConformanceReport } from "./run";

/**
 * The report in three shapes: text for a terminal, JSON for scripts, JUnit XML so a CI system shows one
 * test per attack. Every finding names the catalogue id, what the provider answered and what it should have.
 */

export const FORMATS = ["text", "json", "junit"] as const;
export type Format = (typeof FORMATS)[number];

const should = (r: CaseResult) => (r.expected === "accepted" ? "accept it (2xx)" : "refuse it with a 4xx");

/** One sentence per finding: `expired-token: answered 200 (accepted); it should refuse it with a 4xx.` */
export function findingText(r: CaseResult): string {
  const what = r.verdict === "server_error" ? "a server error is no refusal" : r.verdict === "redirected" ? "a redirect is no refusal" : r.verdict;
  return `${r.id}: answered ${r.answered}${what ? ` — ${what}` : ""}; it should ${should(r)}${r.catchesIt ? ` (the sandbox's provider catches it as ${r.catchesIt})` : ""}.`;
}

export function summaryLine(report: ConformanceReport): string {
  const sent = report.attacks.filter((a) => !a.skipped);
  const refused = sent.filter((a) => a.passed).length;
  const skipped = report.attacks.length - sent.length;
  const verdict = report.passed ? "PASS" : "FAIL";
  return `${verdict}: valid token ${report.valid.passed ? "accepted" : "NOT accepted"}; ${refused} of ${sent.length} attacks refused${skipped ? `, ${skipped} not sent` : ""}; ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}.`;
}

export function toText(report: ConformanceReport): string {
  const { options: o } = report;
  const mark = (r: CaseResult) => (r.skipped ? "-" : r.passed ? "✔" : "✘");
  const lines = [
    `Conformance of ${o.method} ${o.target} (dialog ${o.dialogId}, action ${o.action}) against the sandbox at ${o.sandbox}`,
    "",
    ...[report.valid, ...report.attacks].map((r) => `${mark(r)} ${r.id.padEnd(30)} ${r.skipped ? `not sent: ${r.skipped}` : r.answered}`),
    "",
  ];
  if (report.findings.length > 0) lines.push("Findings:", ...report.findings.map((f) => `  ${findingText(f)}`), "");
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}

export function toJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\x09\x0a\x0d\x20-\uD7FF\uE000-\uFFFD]/g, "");

function testcase(r: CaseResult): string {
  const name = `${r.id}: ${r.title}`;
  const open = `    <testcase classname="dialog-token-conformance.${r.id === "valid-token" ? "valid" : "attacks"}" name="${xml(name)}"`;
  if (r.skipped) return `${open}>\n      <skipped message="${xml(r.skipped)}"/>\n    </testcase>`;
  if (r.passed) return `${open}/>`;
  const detail = [findingText(r), r.lesson ? `Lesson: ${r.lesson}` : ""].filter(Boolean).join("\n");
  return `${open}>\n      <failure message="${xml(`answered ${r.answered}; should ${should(r)}`)}" type="${xml(r.verdict ?? "finding")}">${xml(detail)}</failure>\n    </testcase>`;
}

export function toJunit(report: ConformanceReport): string {
  const all = [report.valid, ...report.attacks];
  const failures = all.filter((r) => !r.passed).length;
  const skipped = all.filter((r) => r.skipped).length;
  const suite = `dialog-token conformance: ${report.options.method} ${report.options.target}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dialog-token conformance" tests="${all.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${xml(suite)}" tests="${all.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${report.startedAt}">`,
    ...all.map(testcase),
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

export function formatReport(report: ConformanceReport, format: Format): string {
  return format === "json" ? toJson(report) : format === "junit" ? toJunit(report) : toText(report);
}
