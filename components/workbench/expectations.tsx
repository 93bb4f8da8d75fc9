"use client";

import { useId } from "react";
import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import type { ExpectationForm } from "./model";

const FIELDS: { key: keyof ExpectationForm; label: Text; hint: Text }[] = [
  { key: "issuer", label: { en: "Issuer (iss)", nb: "Utsteder (iss)" }, hint: { en: "Your Dialogporten environment", nb: "Ditt Dialogporten-miljø" } },
  { key: "dialogId", label: { en: "Dialog in the URL (i)", nb: "Dialogen i URL-en (i)" }, hint: { en: "Empty: not asked", nb: "Tom: ikke spurt" } },
  {
    key: "action",
    label: { en: "Action requested (a)", nb: "Handlingen som ønskes (a)" },
    hint: { en: "action or action,attribute; empty: not asked", nb: "handling eller handling,attributt; tom: ikke spurt" },
  },
  {
    key: "minimumLevel",
    label: { en: "Minimum level (l)", nb: "Minste sikkerhetsnivå (l)" },
    hint: { en: "0–4; empty: not asked", nb: "0–4; tom: ikke spurt" },
  },
];

/** What the service provider compares the token with: its own configuration and the request it serves. */
export function Expectations({ form, onChange }: { form: ExpectationForm; onChange: (f: ExpectationForm) => void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="section-label">{t({ en: "What the service provider expects", nb: "Hva tjenestetilbyderen forventer" })}</legend>
      {FIELDS.map(({ key, label, hint }) => (
        <div key={key} className="flex min-w-0 flex-col">
          <label htmlFor={`${id}-${key}`} className="text-sm font-semibold">
            {t(label)} <span className="font-normal text-muted-strong">· {t(hint)}</span>
          </label>
          <input
            id={`${id}-${key}`}
            className="field w-full min-w-0 font-mono text-[0.8125rem]"
            value={form[key]}
            spellCheck={false}
            autoComplete="off"
            inputMode={key === "minimumLevel" ? "numeric" : undefined}
            onChange={(e) => onChange({ ...form, [key]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
