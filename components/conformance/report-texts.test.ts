import { describe, expect, it } from "vitest";
import type { ProviderAnswer } from "@/lib/conformance/judge";
import { describeAnswer, reasonOf, verdictOf } from "@/lib/conformance/judge";
import { conformancePlan } from "@/lib/conformance/plan";
import type { CaseResult, ConformanceReport } from "@/lib/conformance/run";
import { optionsProblem, VALID_ID } from "@/lib/conformance/run";
import { findingIn, lessonIn, problemIn, summaryIn, titleIn } from "./report-texts";

const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";
const PLAN = conformancePlan({ dialogId: DIALOG, action: "read", now: 1_764_417_600 });

/** A case as lib/conformance/run.ts builds it, from a provider's answer. */
function result(id: string, expected: CaseResult["expected"], answer: ProviderAnswer, about: Partial<CaseResult> = {}): CaseResult {
  const verdict = verdictOf(answer);
  const title = PLAN.find((a) => a.entry.id === id)?.entry.title ?? `A valid token for dialog ${DIALOG} and action read`;
  return { id, title, expected, verdict, reason: reasonOf(answer), answered: describeAnswer(answer), passed: verdict === expected, ...about };
}

const ok: ProviderAnswer = { status: 200, body: "" };
const refused: ProviderAnswer = { status: 401, wwwAuthenticate: 'Bearer error="invalid_token"', body: "" };

describe("the conformance report in Norwegian", () => {
  it("says every kind of finding lib/conformance writes, with its values", () => {
    const about = (id: string) => {
      const entry = PLAN.find((a) => a.entry.id === id)!.entry;
      return { catchesIt: entry.expectedCheck ? `${entry.expectedCode} (check ${entry.expectedCheck})` : entry.expectedCode, lesson: entry.lesson };
    };
    const id = PLAN[0]!.entry.id;
    const findings: Array<[CaseResult, string]> = [
      [result(id, "refused", ok, about(id)), `${id}: svarte 200 — godtatt; den skulle avvise det med en 4xx (sandkassens tjenestetilbyder fanger det som`],
      [result(id, "refused", { status: 500, body: "" }, about(id)), `${id}: svarte 500 — en serverfeil er ingen avvisning; den skulle avvise det med en 4xx`],
      [result(id, "refused", { status: 302, body: "" }), `${id}: svarte 302 — en omdirigering er ingen avvisning; den skulle avvise det med en 4xx.`],
      [result(id, "refused", { error: "timeout" }), `${id}: svarte intet svar (timeout) — intet svar; den skulle avvise det med en 4xx.`],
      [result(VALID_ID, "accepted", refused), `${VALID_ID}: svarte 401 (invalid_token) — avvist; den skulle godta det (2xx).`],
    ];
    for (const [r, start] of findings) {
      const said = findingIn(r, "nb");
      expect(said.lang).toBe("nb");
      expect(said.text.startsWith(start), said.text).toBe(true);
    }
    expect(findingIn(findings[0]![0], "nb").text).toMatch(/fanger det som \S+ \(kontroll \w+\)\)\.$/);
    expect(findingIn(findings[0]![0], "en")).toEqual({ text: expect.stringContaining("answered 200 — accepted"), lang: "en" });
  });

  it("says the summary with its numbers, pass or fail", () => {
    const valid = result(VALID_ID, "accepted", ok);
    const attacks = PLAN.slice(0, 3).map((a) => result(a.entry.id, "refused", refused));
    const skippedOne = { ...attacks[2]!, answered: "not sent", skipped: "a browser cannot send it" };
    const report = (list: CaseResult[], findings: CaseResult[]): ConformanceReport => ({
      options: { target: "https://sp.test/{dialogId}", action: "read", method: "GET", dialogId: DIALOG, sandbox: "https://sandbox.test" },
      startedAt: "2026-12-02T12:00:00Z",
      valid,
      attacks: list,
      passed: findings.length === 0,
      findings,
    });
    expect(summaryIn(report(attacks, []), "nb")).toEqual({ text: "BESTÅTT: gyldig token godtatt; 3 av 3 angrep avvist; 0 funn.", lang: "nb" });
    const failed = result(PLAN[0]!.entry.id, "refused", ok);
    expect(summaryIn(report([failed, attacks[1]!, skippedOne], [failed]), "nb").text).toBe(
      "IKKE BESTÅTT: gyldig token godtatt; 1 av 2 angrep avvist, 1 ikke sendt; 1 funn.",
    );
  });

  it("takes titles and lessons from the catalogue's Norwegian texts, and the valid token's title from its values", () => {
    const attack = result(PLAN[0]!.entry.id, "refused", ok, { lesson: PLAN[0]!.entry.lesson });
    expect(titleIn(attack, "nb").lang).toBe("nb");
    expect(titleIn(attack, "nb").text).not.toBe(attack.title);
    expect(lessonIn(attack, "nb")?.text).not.toBe(attack.lesson);
    expect(titleIn(result(VALID_ID, "accepted", ok), "nb")).toEqual({ text: `Et gyldig token for dialog ${DIALOG} og handling read`, lang: "nb" });
    expect(titleIn(attack, "en")).toEqual({ text: attack.title, lang: "en" });
  });

  it("says what is wrong with the form's options", () => {
    const base = { target: "https://sp.test/{dialogId}", action: "read", method: "GET" as const, dialogId: DIALOG, sandbox: "" };
    for (const wrong of [
      { target: "https://sp.test/" },
      { target: "ftp://sp.test/{dialogId}" },
      { target: "nope{dialogId}" },
      { action: "a b" },
      { dialogId: "a/b" },
    ]) {
      const problem = optionsProblem({ ...base, ...wrong })!;
      expect(problemIn(problem, "nb").lang, problem).toBe("nb");
    }
    expect(problemIn("The target URL must contain {dialogId} where the dialog id goes.", "nb").text).toBe(
      "Mål-URL-en må inneholde {dialogId} der dialog-ID-en skal stå.",
    );
    expect(problemIn("Something new.", "nb")).toEqual({ text: "Something new.", lang: "en" });
  });
});
