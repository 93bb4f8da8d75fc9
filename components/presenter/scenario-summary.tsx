"use client";

import { Nb, useT } from "../i18n/locale-provider";
import type { Scenario } from "../scenario/scenario";
import { actionOptionsFor, partyName, personaOf, titleOf } from "../scenario/scenario";
import { ScenarioForm } from "../scenario/scenario-form";

/**
 * The scenario folded into one line, so the diagram gets the screen; opening it shows the usual form.
 * Persona, party and dialog names are the seed's Norwegian ones (WCAG 3.1.2, language of parts).
 */
export function ScenarioSummary({
  scenario,
  disabled,
  onChange,
}: {
  scenario: Scenario;
  disabled: boolean;
  onChange: (field: keyof Scenario, value: string) => void;
}) {
  const t = useT();
  const action = actionOptionsFor(scenario.dialogId).find((o) => o.value === scenario.action)?.label ?? scenario.action;
  return (
    <details className="panel min-w-0 px-3 py-1.5">
      <summary className="cursor-pointer truncate text-sm">
        <span className="font-semibold">{t({ en: "Scenario", nb: "Scenario" })}: </span>
        <Nb>{personaOf(scenario).name}</Nb>
        {" · "}
        <Nb>{partyName(scenario.party)}</Nb>
        {" · "}
        <Nb>{titleOf(scenario.dialogId)}</Nb>
        <span className="text-muted-strong"> · {action}</span>
      </summary>
      {/* One column: the form sits in the narrow side column here, not across the page. */}
      <div className="mt-2 [&_fieldset]:grid-cols-1">
        <ScenarioForm scenario={scenario} disabled={disabled} onChange={onChange} />
      </div>
    </details>
  );
}
