"use client";

import { AUTHENTICATION_LEVELS } from "@/lib/altinn/policy-document";
import type { Policy, PolicyRule } from "@/lib/altinn/resource-registry";
import { Nb, useT } from "../i18n/locale-provider";
import { LEVEL_NAMES } from "../scenario/choices";
import { type Attributes, errorsAt, newRule, resourceOf } from "./policy-model";
import { FieldErrors, RuleEditor } from "./policy-rule";

interface PolicySectionProps {
  policy: Policy;
  index: number;
  roles: string[];
  actions: string[];
  attributes: Attributes[];
  errors?: Record<string, string[]>;
  onChange: (policy: Policy) => void;
  /** Adding or removing a rule moves the paths the server's errors were keyed by. */
  onShapeChange: () => void;
}

/** One resource's policy: its title from the resource registry, its minimum authentication level, its rules. */
export function PolicySection({ policy, index, roles, actions, attributes, errors, onChange, onShapeChange }: PolicySectionProps) {
  const t = useT();
  const resource = resourceOf(policy);
  const path = `$.policies[${index}]`;
  const heading = `policy-${index}-heading`;
  const levelId = `policy-${index}-level`;
  const levelErrors = errorsAt(errors, `${path}.minimumAuthenticationLevel`);
  const setRule = (j: number, rule: PolicyRule) => onChange({ ...policy, rules: policy.rules.map((r, k) => (k === j ? rule : r)) });
  const shape = (rules: PolicyRule[]) => {
    onShapeChange();
    onChange({ ...policy, rules });
  };
  const level = policy.minimumAuthenticationLevel;
  return (
    <section aria-labelledby={heading} className="panel min-w-0 space-y-3 p-3" data-testid="policy" data-resource={policy.resource}>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <h2 id={heading} className="min-w-0 text-lg font-semibold">
          <Nb>{resource?.title ?? policy.resource}</Nb>{" "}
          <code className="block font-mono text-xs font-normal wrap-anywhere text-muted-strong">{resource?.id ?? policy.resource}</code>
        </h2>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={levelId} className="text-[0.6875rem] leading-4 font-bold tracking-wide text-muted-strong uppercase">
            {t({ en: "Minimum authentication level", nb: "Minste sikkerhetsnivå" })}
          </label>
          <select
            id={levelId}
            className="field aria-invalid:border-red-700 dark:aria-invalid:border-red-400"
            aria-invalid={levelErrors.length > 0 || undefined}
            value={level === undefined ? "" : String(level)}
            aria-describedby={`${levelId}-help${levelErrors.length > 0 ? ` ${levelId}-error` : ""}`}
            onChange={(e) => {
              const { minimumAuthenticationLevel: _old, ...rest } = policy;
              onChange(e.target.value === "" ? rest : { ...rest, minimumAuthenticationLevel: Number(e.target.value) });
            }}
          >
            {level === undefined && <option value="">{t({ en: "None (no obligation)", nb: "Ingen (ingen forpliktelse)" })}</option>}
            {AUTHENTICATION_LEVELS.map((n) => (
              <option key={n} value={n}>
                {t(LEVEL_NAMES[n]!)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${levelId}-error`} messages={levelErrors} />
        </div>
      </div>
      <p id={`${levelId}-help`} className="text-sm text-muted-strong">
        {t({
          en: "Altinn Authorization returns the level with every Permit (the obligation urn:altinn:minimum-authenticationlevel); Dialogporten refuses a user below it at step 3 with 403.",
          nb: "Altinn Autorisasjon sender nivået med hver Permit (forpliktelsen urn:altinn:minimum-authenticationlevel); Dialogporten avviser en bruker på et lavere nivå i steg 3 med 403.",
        })}
        {resource &&
          " " +
            t(
              { en: "The resource registry says {level}.", nb: "Ressursregisteret oppgir {level}." },
              { level: t(LEVEL_NAMES[resource.minimumAuthenticationLevel] ?? { en: "?", nb: "?" }) },
            )}
      </p>
      {policy.rules.length === 0 && (
        <p className="text-sm text-muted-strong">
          {t({ en: "No rules: nothing is permitted on this resource.", nb: "Ingen regler: ingenting er tillatt på denne ressursen." })}
        </p>
      )}
      {policy.rules.map((rule, j) => (
        <RuleEditor
          key={j}
          rule={rule}
          path={`${path}.rules[${j}]`}
          idBase={`p${index}-r${j}`}
          roles={roles}
          actions={actions}
          attributes={attributes}
          errors={errors}
          onChange={(r) => setRule(j, r)}
          onRemove={() => shape(policy.rules.filter((_, k) => k !== j))}
        />
      ))}
      <button type="button" className="btn-secondary" onClick={() => shape([...policy.rules, newRule(policy)])}>
        {t({ en: "Add rule", nb: "Legg til regel" })}
        <span className="sr-only"> {t({ en: "to {title}", nb: "i {title}" }, { title: resource?.title ?? policy.resource })}</span>
      </button>
    </section>
  );
}
