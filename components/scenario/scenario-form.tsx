import type { Option, Scenario } from "./scenario";
import { actionOptions, dialogGroups, findDialog, partyOptions, personaOptions } from "./scenario";

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

const options = (list: Option[]) =>
  list.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));

/** Persona, party, dialog and action. Every choice the form offers can run; changing one resets those below it. */
export function ScenarioForm({
  scenario,
  disabled,
  onChange,
}: {
  scenario: Scenario;
  disabled: boolean;
  onChange: (field: keyof Scenario, value: string) => void;
}) {
  const groups = dialogGroups(scenario.party);
  return (
    <fieldset className="grid min-w-0 grid-cols-2 gap-x-3 gap-y-0.5 lg:grid-cols-[1fr_1fr_1.3fr_1.6fr]">
      <legend className="sr-only">Scenario</legend>
      <Select id="persona" label="Persona (who signs in)" value={scenario.personaId} disabled={disabled} onChange={(v) => onChange("personaId", v)}>
        {options(personaOptions)}
      </Select>
      <Select id="party" label="Party (on whose behalf)" value={scenario.party} disabled={disabled} onChange={(v) => onChange("party", v)}>
        {options(partyOptions(scenario.personaId))}
      </Select>
      <Select id="dialog" label="Dialog" value={scenario.dialogId} disabled={disabled} onChange={(v) => onChange("dialogId", v)}>
        {groups.own.length > 0 && <optgroup label="This party's dialogs">{options(groups.own)}</optgroup>}
        <optgroup label="Other parties' dialogs (expect a refusal)">{options(groups.others)}</optgroup>
      </Select>
      <Select id="action" label="Action at the service provider" value={scenario.action} disabled={disabled} onChange={(v) => onChange("action", v)}>
        {options(actionOptions(findDialog(scenario.dialogId)))}
      </Select>
    </fieldset>
  );
}
