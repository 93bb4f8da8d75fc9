"use client";

import { useT } from "../i18n/locale-provider";

export type Speed = "off" | "normal" | "slow";

export const SPEED_DELAY_MS: Record<Speed, number> = { off: 0, normal: 900, slow: 2200 };

interface Props {
  busy: boolean;
  canNext: boolean;
  canBack: boolean;
  canReset: boolean;
  speed: Speed;
  reducedMotion: boolean;
  onRunAll: () => void;
  onNext: () => void;
  onBack: () => void;
  onReset: () => void;
  onSpeed: (s: Speed) => void;
}

/** Run all, step back and forth, reset; the button labels never change, so nothing shifts and tests can find them. */
export function RunControls(p: Props) {
  const t = useT();
  // aria-disabled, not disabled: a button that is busy keeps keyboard focus instead of dropping it to <body>.
  const button = (label: React.ReactNode, cls: string, enabled: boolean, onClick: () => void, extra: Record<string, string> = {}) => (
    <button type="button" className={cls} aria-disabled={!enabled} onClick={() => enabled && onClick()} {...extra}>
      {label}
    </button>
  );
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t({ en: "Run controls", nb: "Kjørekontroller" })}>
      {button(
        <>
          <span aria-hidden="true">▶▶</span>
          {t({ en: "Run all", nb: "Kjør alle" })}
        </>,
        "btn-primary w-28",
        !p.busy,
        p.onRunAll,
      )}
      {button(
        <>
          <span aria-hidden="true">◀</span>
          {t({ en: "Back", nb: "Tilbake" })}
        </>,
        "btn-secondary w-24",
        !p.busy && p.canBack,
        p.onBack,
        { "aria-keyshortcuts": "ArrowLeft" },
      )}
      {button(
        <>
          {t({ en: "Next step", nb: "Neste steg" })}
          <span aria-hidden="true">▶</span>
        </>,
        "btn-primary w-32",
        !p.busy && p.canNext,
        p.onNext,
        { "aria-keyshortcuts": "ArrowRight" },
      )}
      {button(
        <>
          <span aria-hidden="true">↺</span>
          {t({ en: "Reset", nb: "Nullstill" })}
        </>,
        "btn-secondary w-24",
        p.canReset,
        p.onReset,
      )}
      <div className="flex items-center gap-2 pl-2">
        <label htmlFor="speed" className="text-sm font-semibold text-muted-strong">
          {t({ en: "Animation", nb: "Animasjon" })}
        </label>
        <select
          id="speed"
          className="field w-36"
          value={p.reducedMotion ? "off" : p.speed}
          disabled={p.reducedMotion}
          aria-describedby={p.reducedMotion ? "speed-note" : undefined}
          onChange={(e) => p.onSpeed(e.target.value as Speed)}
        >
          <option value="off">{t({ en: "Off (instant)", nb: "Av (umiddelbart)" })}</option>
          <option value="normal">{t({ en: "Normal", nb: "Normal" })}</option>
          <option value="slow">{t({ en: "Slow (presenter)", nb: "Sakte (presentasjon)" })}</option>
        </select>
        {p.reducedMotion && (
          <span id="speed-note" className="sr-only">
            {t({ en: "Off because your system asks for reduced motion.", nb: "Av fordi systemet ditt ber om redusert bevegelse." })}
          </span>
        )}
      </div>
    </div>
  );
}
