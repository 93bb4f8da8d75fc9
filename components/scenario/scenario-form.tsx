"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { actionChoices, dialogChoices, step3Sentence } from "./choices";
import type { Option, Scenario } from "./scenario";
import { findDialog, partyOptions, personaOf, personaOptions } from "./scenario";
import { useWorkspace } from "../workspace/use-workspace";
import { useWorkspacePolicies } from "../world/policy-client";

function Select({
  id,
  label,
  value,
  disabled,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-[0.6875rem] leading-4 font-bold tracking-wide text-muted-strong uppercase">
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className="field w-full truncate py-1">
        {children}
      </select>
    </div>
  );
}

/** `lang` marks Norwegian content (the seed's dialog titles) inside the English UI (WCAG 3.1.2). */
const options = (list: (Option & { text?: Text })[], t: (text: Text) => string, lang?: string) =>
  list.map((o) => (
    <option key={o.value} value={o.value} lang={lang}>
      {o.text ? t(o.text) : o.label}
    </option>
  ));

/**
 * Persona, party, dialog and action. What the form offers is worked out from the policy decision point
 * the run uses, with the workspace's policies (./reachability.ts): choices that end in a refusal stay choosable, because a refusal
 * teaches, but they are grouped and labelled as such, and a note says why.
 */
export function ScenarioForm({
  scenario,
  disabled,
  onChange,
}: {
  scenario: Scenario;
  disabled: boolean;
  onChange: (field: keyof Scenario, value: string) => void;
}) {
  const t = useT();
  const nb = useLocale() === "nb" ? undefined : "nb";
  const persona = personaOf(scenario);
  const dialog = findDialog(scenario.dialogId);
  // The workspace's own policies decide the run, so they decide the predictions too (the seed's until loaded).
  const policyState = useWorkspacePolicies(useWorkspace());
  const policies = policyState?.status === "ready" ? policyState.document.policies : undefined;
  const dialogs = dialogChoices(persona, scenario.party, policies);
  const actions = actionChoices(persona, dialog, policies);
  const none = actions.granted.length + actions.refused.length === 0;
  const chosenRefused = actions.step3?.passes && actions.refused.some((o) => o.value === scenario.action);
  return (
    <fieldset className="grid min-w-0 grid-cols-2 gap-x-3 gap-y-0.5 lg:grid-cols-[1fr_1fr_1.3fr_1.6fr]">
      <legend className="sr-only">{t({ en: "Scenario", nb: "Scenario" })}</legend>
      <Select
        id="persona"
        label={t({ en: "Persona (who signs in)", nb: "Persona (hvem logger inn)" })}
        value={scenario.personaId}
        disabled={disabled}
        onChange={(v) => onChange("personaId", v)}
      >
        {options(personaOptions, t)}
      </Select>
      <Select
        id="party"
        label={t({ en: "Party (on whose behalf)", nb: "Aktør (på vegne av hvem)" })}
        value={scenario.party}
        disabled={disabled}
        onChange={(v) => onChange("party", v)}
      >
        {options(partyOptions(scenario.personaId), t)}
      </Select>
      <Select id="dialog" label={t({ en: "Dialog", nb: "Dialog" })} value={scenario.dialogId} disabled={disabled} onChange={(v) => onChange("dialogId", v)}>
        {dialogs.reachable.length > 0 && (
          <optgroup label={t({ en: "Dialogporten issues a token", nb: "Dialogporten utsteder et token" })}>{options(dialogs.reachable, t, nb)}</optgroup>
        )}
        {dialogs.refused.length > 0 && (
          <optgroup label={t({ en: "Step 3 refuses (choose one to see why)", nb: "Steg 3 avviser (velg en for å se hvorfor)" })}>
            {options(dialogs.refused, t, nb)}
          </optgroup>
        )}
      </Select>
      <Select
        id="action"
        label={t({ en: "Action at the service provider", nb: "Handling hos tjenestetilbyderen" })}
        value={none ? "" : scenario.action}
        disabled={disabled || none}
        onChange={(v) => onChange("action", v)}
      >
        {none && <option value="">{t({ en: "None: no action here sends a dialog token", nb: "Ingen: ingen handling her sender et dialogtoken" })}</option>}
        {actions.step3 && !actions.step3.passes && !none && (
          <optgroup label={t({ en: "Not reached: step 3 refuses first", nb: "Nås ikke: steg 3 avviser først" })}>{options(actions.refused, t)}</optgroup>
        )}
        {actions.granted.length > 0 && <optgroup label={t({ en: "In the dialog token", nb: "I dialogtokenet" })}>{options(actions.granted, t)}</optgroup>}
        {actions.step3?.passes && actions.refused.length > 0 && (
          <optgroup label={t({ en: "Not in the token: step 6 refuses with 403", nb: "Ikke i tokenet: steg 6 avviser med 403" })}>
            {options(actions.refused, t)}
          </optgroup>
        )}
      </Select>
      {dialog && actions.step3 && (
        <p data-testid="scenario-outlook" aria-live="polite" className="col-span-full mt-1 text-sm text-muted-strong">
          {t(step3Sentence(persona, dialog, actions.step3))}
          {none &&
            " " +
              t({
                en: "This dialog has no action that sends a dialog token: its only GUI actions are plain links (GET), which open a page without one.",
                nb: "Denne dialogen har ingen handling som sender et dialogtoken: GUI-handlingene er vanlige lenker (GET), som åpner en side uten token.",
              })}
          {chosenRefused &&
            " " +
              t({
                en: "The chosen action is not in the token: the service provider will refuse it with 403 (action_not_in_token) at step 6 — run it to see the refusal.",
                nb: "Den valgte handlingen er ikke i tokenet: tjenestetilbyderen avviser den med 403 (action_not_in_token) i steg 6 – kjør den for å se avvisningen.",
              })}
        </p>
      )}
    </fieldset>
  );
}
