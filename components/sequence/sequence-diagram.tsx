"use client";

import type { Arrow, ArrowId } from "./diagram-model";
import { ACTORS, actorName } from "./diagram-model";
import { useLocale, useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";

const HEAD = [
  "bg-sky-100 text-sky-950 border-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:border-sky-700",
  "bg-amber-100 text-amber-950 border-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:border-amber-700",
  "bg-violet-100 text-violet-950 border-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:border-violet-700",
  "bg-emerald-100 text-emerald-950 border-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:border-emerald-700",
  "bg-rose-100 text-rose-950 border-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:border-rose-700",
];

/**
 * Soft hyphens where a narrow lane may break a long name (as the Norwegian names carry in ACTORS): "Maskin-porten"
 * reads better than "Maskinporte-n"; and the slash stays with "ID-porten". Only in the heads; the names in labels
 * and accessible names stay plain.
 */
const BREAKS: ReadonlyArray<[string, string]> = [
  ["ID-porten / ", "ID-porten\u00a0/ "],
  ["Maskinporten", "Maskin\u00adporten"],
  ["Dialogporten", "Dialog\u00adporten"],
  ["Authorization", "Authori\u00adzation"],
  ["Autorisasjon", "Autori\u00adsasjon"],
];
const breakable = (name: string) => BREAKS.reduce((n, [word, broken]) => n.replace(word, broken), name);

const center = (id: Arrow["from"]) => ACTORS.findIndex((a) => a.id === id) * 20 + 10;

/** `stroke` colours the line and the arrowhead (via currentColor); `text` the labels. */
const TONE: Record<string, { text: string; stroke: string; badge: string }> = {
  pending: { text: "text-faint", stroke: "text-slate-300 dark:text-slate-700", badge: "bg-slate-200 text-slate-600 dark:bg-slate-800 dark:text-slate-400" },
  "not-reached": {
    text: "text-faint line-through",
    stroke: "text-slate-300 dark:text-slate-700",
    badge: "bg-slate-200 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
  },
  "no-call": { text: "text-muted italic", stroke: "text-slate-400 dark:text-slate-600", badge: "bg-slate-400 dark:bg-slate-500" },
  done: { text: "text-fg", stroke: "text-slate-600 dark:text-slate-300", badge: "bg-slate-700 text-white dark:bg-slate-200 dark:text-slate-900" },
  current: {
    text: "text-indigo-800 dark:text-indigo-200",
    stroke: "text-indigo-600 dark:text-indigo-400",
    badge: "bg-indigo-700 text-white dark:bg-indigo-300 dark:text-indigo-950",
  },
  failed: {
    text: "text-red-800 dark:text-red-200",
    stroke: "text-red-600 dark:text-red-400",
    badge: "bg-red-700 text-white dark:bg-red-300 dark:text-red-950",
  },
};

const STATE_WORD: Record<Arrow["state"], Text> = {
  pending: { en: "not yet", nb: "ikke ennå" },
  "not-reached": { en: "not reached", nb: "ikke nådd" },
  "no-call": { en: "no call", nb: "intet kall" },
  done: { en: "done", nb: "utført" },
  failed: { en: "failed", nb: "feilet" },
};

function Head({ pointsLeft }: { pointsLeft: boolean }) {
  // A CSS triangle in the line's colour (currentColor of the line span).
  return (
    <span
      aria-hidden="true"
      className={`absolute top-1/2 size-0 -translate-y-1/2 border-y-[0.25em] border-y-transparent ${pointsLeft ? "left-0 border-r-[0.45em] border-r-current" : "right-0 border-l-[0.45em] border-l-current"}`}
    />
  );
}

/**
 * Where an arrow's labels sit: centred over the arrow, at least `min`% wide so short arrows keep readable
 * labels, shifted to stay clear of the number badge at the arrow's start (x1) and inside the row.
 */
function labelBox(x1: number, x2: number, min = 60): { left: number; width: number } {
  const lo = Math.min(x1, x2);
  const hi = Math.max(x1, x2);
  const centre = (lo + hi) / 2;
  const w = Math.max(hi - lo, min);
  const minL = x1 <= centre ? x1 + 3 : 1;
  const maxR = x1 > centre ? x1 - 3 : 99;
  let l = centre - w / 2;
  let r = centre + w / 2;
  if (l < minL) [l, r] = [minL, r + minL - l];
  if (r > maxR) [l, r] = [l - (r - maxR), maxR];
  l = Math.max(l, minL);
  return { left: l, width: r - l };
}

function ArrowButton({
  a,
  selected,
  animate,
  onSelect,
  controls,
}: {
  a: Arrow;
  selected: boolean;
  animate: boolean;
  onSelect: (a: Arrow) => void;
  controls?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const tone = TONE[a.state === "done" && a.current ? "current" : a.state]!;
  const self = a.kind === "self";
  const x1 = center(a.from);
  const x2 = center(a.to);
  const left = self ? x1 - 6 : Math.min(x1, x2);
  const width = self ? 6 : Math.abs(x2 - x1);
  const label = self ? { left: 28, width: x1 - 8 - 28 } : labelBox(x1, x2);
  const pointsLeft = x2 < x1;
  const clickable = a.state === "done" || a.state === "failed";
  // The accessible name is the visible text plus hidden context (step, actors, state), so it always contains what is seen.
  const which =
    a.num !== null
      ? t({ en: "Step {n}: ", nb: "Steg {n}: " }, { n: a.num })
      : a.id === "sp-preflight"
        ? t({ en: "Preflight: ", nb: "Preflight: " })
        : a.id === "dp-event"
          ? t({ en: "Event: ", nb: "Hendelse: " })
          : t({ en: "Keys: ", nb: "Nøkler: " });
  const prefix = `${which}${t({ en: "{from} to {to}, ", nb: "{from} til {to}, " }, { from: actorName(a.from, locale), to: actorName(a.to, locale) })}`;
  const thick = a.current || a.state === "failed";
  return (
    <button
      type="button"
      disabled={!clickable}
      title={`${a.title} · ${a.detail}`}
      aria-current={a.current ? "step" : undefined}
      aria-controls={controls}
      onClick={() => onSelect(a)}
      className={`absolute inset-0 rounded-md enabled:cursor-pointer enabled:hover:ring-1 enabled:hover:ring-slate-400 ${animate ? "motion-safe:transition-colors motion-safe:duration-500" : ""} ${tone.text} ${selected ? "ring-2 ring-indigo-600 ring-inset dark:ring-indigo-300" : ""}`}
    >
      {/*
        Geometry in em of the diagram's font, which follows the space the diagram has (globals.css, .diagram-scale):
        title in 0–1.1em, the line at 1.38em with its head reaching ±0.25em, the detail from 1.67em, so labels never touch an arrow.
      */}
      <span className="absolute inset-x-0 top-1/2 block h-[2.6em] -translate-y-1/2">
        <span
          className={`absolute top-0 flex ${self ? "justify-end text-right" : "justify-center text-center"}`}
          style={{ left: `${label.left}%`, width: `${label.width}%` }}
        >
          <span className="max-w-full truncate bg-surface-row px-1 leading-[1.1em]">
            <span className="sr-only">{prefix}</span>
            {a.title}
            <span className="sr-only">, </span>
          </span>
        </span>
        <span
          className={`absolute bottom-0 flex ${self ? "justify-end text-right" : "justify-center text-center"}`}
          style={{ left: `${label.left}%`, width: `${label.width}%` }}
        >
          <span
            className={`max-w-full truncate bg-surface-row px-1 text-[0.85em] leading-[1.1em] ${a.state === "pending" || a.state === "not-reached" ? "" : "text-muted-strong"}`}
          >
            {a.detail}
            <span className="sr-only"> ({t(STATE_WORD[a.state])})</span>
          </span>
        </span>
        {self ? (
          <span aria-hidden="true" className={`absolute top-[0.6em] bottom-[0.6em] ${tone.stroke}`} style={{ left: `${left}%`, width: `${width}%` }}>
            <span className={`absolute inset-0 rounded-l-lg border-r-0 border-current ${thick ? "border-[3px]" : "border-2"}`} />
            <span className="absolute right-0 bottom-0 block h-[0.6em] w-[0.6em] translate-y-1/2">
              <Head pointsLeft={false} />
            </span>
            <Badge num={a.num} cls={tone.badge} className="top-1/2 left-0 -translate-x-1/2 -translate-y-1/2" />
          </span>
        ) : (
          <span aria-hidden="true" className={`absolute top-[1.08em] block h-[0.6em] ${tone.stroke}`} style={{ left: `${left}%`, width: `${width}%` }}>
            <span
              className={`absolute inset-x-0 top-1/2 -translate-y-1/2 border-current ${thick ? "border-t-[3px]" : "border-t-2"} ${a.kind === "response" ? "border-dashed" : ""} ${a.state === "no-call" ? "border-dotted" : ""}`}
            />
            <Head pointsLeft={pointsLeft} />
            <Badge num={a.num} cls={tone.badge} className={`top-1/2 -translate-y-1/2 ${pointsLeft ? "right-0 translate-x-1/2" : "left-0 -translate-x-1/2"}`} />
          </span>
        )}
      </span>
    </button>
  );
}

function Badge({ num, cls, className }: { num: number | null; cls: string; className: string }) {
  return (
    <span
      className={`absolute flex items-center justify-center rounded-full text-[0.8em] leading-none font-bold ${num === null ? "size-[0.9em]" : "size-[1.6em]"} ${cls} ${className}`}
    >
      {num ?? ""}
    </span>
  );
}

/**
 * The seed's sequence diagram, live: one row per exchange, the current step highlighted, each arrow opens its exchange.
 * Everything is sized in em of `.diagram-scale`, so the whole diagram grows with the room it is given (a projector).
 * `animate` is false when the animation is off: then a state change is drawn at once, not faded in.
 */
export function SequenceDiagram({
  arrows,
  selected,
  animate,
  onSelect,
  controls = "detail-panel",
}: {
  arrows: Arrow[];
  selected: ArrowId | null;
  animate: boolean;
  onSelect: (a: Arrow) => void;
  /** The id of the panel an arrow opens; the presenter view has none, and passes "". */
  controls?: string;
}) {
  const t = useT();
  return (
    <div className="diagram-scale relative select-none">
      <div aria-hidden="true" className="pointer-events-none absolute inset-0">
        {ACTORS.map((actor, i) => (
          <span
            key={actor.id}
            className="absolute top-0 bottom-0 border-l-2 border-dashed border-slate-300 dark:border-slate-700"
            style={{ left: `${i * 20 + 10}%` }}
          />
        ))}
      </div>
      <div className="relative grid grid-cols-5 gap-[0.35em]">
        {ACTORS.map((actor, i) => (
          <div
            key={actor.id}
            className={`relative flex min-h-[2.5em] items-center justify-center rounded-md border px-[0.2em] text-center text-[min(0.9em,2.25cqw)] leading-[1.2em] font-semibold text-balance [overflow-wrap:anywhere] ${HEAD[i]}`}
          >
            {/*
              A phone has no room for five full names side by side: it shows the short ones, and reads out the full ones.
              The head's type is at most 2.25cqw of the diagram's box, so "Authorization" and "Dialogporten" stay whole
              in their lanes when the diagram's font is as large as the box's width allows.
            */}
            <span aria-hidden="true" className="sm:hidden">
              {t(actor.short)}
            </span>
            <span className="max-sm:sr-only">{breakable(t(actor.name))}</span>
          </div>
        ))}
      </div>
      <ol aria-label={t({ en: "Exchanges in order", nb: "Utvekslingene i rekkefølge" })} className="relative mt-[0.25em]">
        {arrows.map((a) => (
          <li key={a.id} className={`relative h-[2.65em] rounded-md ${a.current ? "row-current" : ""}`}>
            <ArrowButton a={a} selected={selected === a.id} animate={animate} onSelect={onSelect} controls={controls || undefined} />
          </li>
        ))}
      </ol>
    </div>
  );
}
