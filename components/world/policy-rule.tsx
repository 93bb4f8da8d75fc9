"use client";

import type { PolicyRule } from "@/lib/altinn/resource-registry";
import { Nb, useT } from "../i18n/locale-provider";
import { type Attributes, attributesKey, errorsAt, holdersOf } from "./policy-model";
import { attributesText, holdersText, roleName, shortCode } from "./policy-texts";

const LABEL = "text-[0.6875rem] leading-4 font-bold tracking-wide text-muted-strong uppercase";

/** The server's messages for one field, tied to it with aria-describedby. They are the API's own words, in English. */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  const t = useT();
  if (messages.length === 0) return null;
  return (
    <p id={id} className="text-sm font-semibold text-red-800 dark:text-red-300">
      {t({ en: "The server says: ", nb: "Serveren sier: " })}
      <span lang="en">{messages.join(" ")}</span>
    </p>
  );
}

/** Field props for a control the server may have refused: marked invalid and described by the message. */
function invalid(messages: string[], id: string) {
  return messages.length > 0 ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

interface RuleEditorProps {
  rule: PolicyRule;
  /** `$.policies[i].rules[j]`: where the server's errors for this rule are keyed. */
  path: string;
  /** A prefix for element ids, unique on the page. */
  idBase: string;
  roles: string[];
  actions: string[];
  attributes: Attributes[];
  errors?: Record<string, string[]>;
  onChange: (rule: PolicyRule) => void;
  onRemove: () => void;
}

/**
 * One rule as a labelled fieldset: its id and description, the effect, who it is for (roles and access
 * packages, with the personas that hold them), the actions and what it applies to. On a phone the fields
 * stack; from sm up they sit in rows like a table's.
 */
export function RuleEditor({ rule, path, idBase, roles, actions, attributes, errors, onChange, onRemove }: RuleEditorProps) {
  const t = useT();
  const at = (field: string) => errorsAt(errors, `${path}.${field}`);
  const set = (patch: Partial<PolicyRule>) => onChange({ ...rule, ...patch });
  const field = (name: string) => `${idBase}-${name}`;
  const current = attributesKey(rule.resource);
  return (
    <fieldset className="panel-inset min-w-0 space-y-3" data-testid="policy-rule" data-rule={rule.id}>
      <legend className="px-1 text-sm font-semibold">
        {t({ en: "Rule", nb: "Regel" })} <code className="font-mono">{rule.id || "…"}</code>
      </legend>
      <div className="grid min-w-0 grid-cols-2 gap-3 sm:grid-cols-[minmax(0,10rem)_minmax(0,10rem)_minmax(0,1fr)] lg:grid-cols-[minmax(0,10rem)_minmax(0,10rem)_minmax(0,18rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={field("id")} className={LABEL}>
            {t({ en: "Rule id", nb: "Regel-id" })}
          </label>
          <input
            id={field("id")}
            className="field font-mono aria-invalid:border-red-700 dark:aria-invalid:border-red-400"
            value={rule.id}
            onChange={(e) => set({ id: e.target.value })}
            {...invalid(at("id"), field("id-error"))}
          />
          <FieldErrors id={field("id-error")} messages={at("id")} />
        </div>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={field("effect")} className={LABEL}>
            {t({ en: "Effect", nb: "Virkning" })}
          </label>
          <select id={field("effect")} className="field" value={rule.effect} onChange={(e) => set({ effect: e.target.value === "Deny" ? "Deny" : "Permit" })}>
            <option value="Permit">{t({ en: "Permit", nb: "Tillat (Permit)" })}</option>
            <option value="Deny">{t({ en: "Deny", nb: "Nekt (Deny)" })}</option>
          </select>
        </div>
        <div className="col-span-2 flex min-w-0 flex-col gap-0.5 sm:col-span-1">
          <label htmlFor={field("resource")} className={LABEL}>
            {t({ en: "Applies to", nb: "Gjelder" })}
          </label>
          <select
            id={field("resource")}
            className="field aria-invalid:border-red-700 dark:aria-invalid:border-red-400"
            value={current}
            onChange={(e) => set({ resource: attributes.find((a) => attributesKey(a) === e.target.value) ?? [] })}
            {...invalid(at("resource"), field("resource-error"))}
          >
            {attributes.map((a) => (
              <option key={attributesKey(a)} value={attributesKey(a)}>
                {t(attributesText(a))}
              </option>
            ))}
          </select>
          <FieldErrors id={field("resource-error")} messages={at("resource")} />
        </div>
        <div className="col-span-full flex min-w-0 flex-col gap-0.5 lg:col-span-1">
          <label htmlFor={field("description")} className={LABEL}>
            {t({ en: "Description (optional)", nb: "Beskrivelse (valgfri)" })}
          </label>
          <input
            id={field("description")}
            className="field aria-invalid:border-red-700 dark:aria-invalid:border-red-400"
            value={rule.description}
            onChange={(e) => set({ description: e.target.value })}
            {...invalid(at("description"), field("description-error"))}
          />
          <FieldErrors id={field("description-error")} messages={at("description")} />
        </div>
      </div>
      <div className="grid min-w-0 gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_auto]">
        <fieldset className="min-w-0" aria-describedby={at("subjects").length > 0 ? field("subjects-error") : undefined}>
          <legend className={LABEL}>{t({ en: "Who: roles and access packages", nb: "Hvem: roller og tilgangspakker" })}</legend>
          <ul className="mt-1 space-y-1">
            {roles.map((role) => {
              const name = roleName(role);
              return (
                <li key={role}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-1 size-4 shrink-0 accent-indigo-700 dark:accent-indigo-300"
                      checked={rule.subjects.includes(role)}
                      onChange={(e) => set({ subjects: toggle(rule.subjects, role, e.target.checked) })}
                    />
                    <span className="min-w-0">
                      <span className="font-semibold">{name ? t(name) : shortCode(role)}</span> <code className="font-mono text-xs wrap-anywhere">{role}</code>
                      <span className="block text-xs text-muted-strong">
                        <Nb>{t(holdersText(holdersOf(role)))}</Nb>
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <FieldErrors id={field("subjects-error")} messages={at("subjects")} />
        </fieldset>
        <fieldset className="min-w-0" aria-describedby={at("actions").length > 0 ? field("actions-error") : undefined}>
          <legend className={LABEL}>{t({ en: "Actions", nb: "Handlinger" })}</legend>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {actions.map((action) => (
              <li key={action}>
                <label className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-indigo-700 dark:accent-indigo-300"
                    checked={rule.actions.includes(action)}
                    onChange={(e) => set({ actions: toggle(rule.actions, action, e.target.checked) })}
                  />
                  <code className="font-mono">{action}</code>
                </label>
              </li>
            ))}
          </ul>
          <FieldErrors id={field("actions-error")} messages={at("actions")} />
        </fieldset>
        <div className="flex items-end justify-end">
          <button type="button" className="btn-secondary" onClick={onRemove}>
            {t({ en: "Remove rule {id}", nb: "Fjern regel {id}" }, { id: rule.id || "…" })}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
