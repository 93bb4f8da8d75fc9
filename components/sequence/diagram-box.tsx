"use client";

import type { Arrow, ArrowId } from "./diagram-model";
import { SequenceDiagram } from "./sequence-diagram";
import { useT } from "../i18n/locale-provider";
import type { RunData, Step } from "./run-model";

/**
 * The diagram in the box that sizes it: its font follows the box (globals.css, .diagram-box), so it fills it on
 * any screen; it scrolls only if even the smallest font does not fit, and is focusable so a keyboard can scroll it.
 * The normal view and the presenter view both show it.
 */
export function DiagramBox(props: { arrows: Arrow[]; selected: ArrowId | null; animate: boolean; onSelect: (a: Arrow) => void; controls?: string }) {
  const t = useT();
  return (
    <div className="diagram-box min-h-0 flex-1 overflow-y-auto" tabIndex={0} aria-label={t({ en: "Sequence diagram", nb: "Sekvensdiagram" })} role="group">
      <SequenceDiagram {...props} />
    </div>
  );
}

/** Step 6's status once shown: what the authorization counter's "none" led to (null: no answer at all). */
export const step6Status = (data: RunData | null, step: Step): number | null | undefined =>
  step >= 6 && data?.spExchange ? (data.spExchange.response?.status ?? null) : undefined;
