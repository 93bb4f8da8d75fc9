import { useT } from "../i18n/locale-provider";
import type { Autoplay } from "./run-model";

export type Speed = "off" | "normal" | "slow";

export const SPEED_DELAY_MS: Record<Speed, number> = { off: 0, normal: 900, slow: 2200 };

export interface RunControlsProps {
  /** A call is out (or the page is not hydrated yet): nothing that starts one is offered. */
  busy: boolean;
  autoplay: Autoplay;
  canNext: boolean;
  canBack: boolean;
  canReset: boolean;
  speed: Speed;
  reducedMotion: boolean;
  presenter: boolean;
  onRunAll: () => void;
  onPause: () => void;
  onResume: () => void;
  onNext: () => void;
  onBack: () => void;
  onReset: () => void;
  onSpeed: (s: Speed) => void;
  onPresenter: () => void;
  onHelp: () => void;
  /** The presenter view: only the run's buttons (it places the view's switches itself, and leaves the speed to the normal view). */
  compact?: boolean;
  /** The normal view's one-row header: glyphs only for the secondary buttons from lg to 1800 px (see RunControls). */
  dense?: boolean;
}

/**
 * Run all, pause, step back and forth, reset, and the view's switches. Each button keeps its size whatever
 * it says, so nothing shifts while a run goes on and tests can find them by name.
 */
// aria-disabled, not disabled: a button that is busy keeps keyboard focus instead of dropping it to <body>.
const button = (label: React.ReactNode, cls: string, enabled: boolean, onClick: () => void, extra: Record<string, string | boolean> = {}) => (
  <button type="button" className={cls} aria-disabled={!enabled} onClick={() => enabled && onClick()} {...extra}>
    {label}
  </button>
);

/** The presenter view's switch and the list of keys: in the run controls normally, in the presenter view's title row there. */
export function ViewSwitches({
  presenter,
  onPresenter,
  onHelp,
  iconOnly = false,
}: Pick<RunControlsProps, "presenter" | "onPresenter" | "onHelp"> & { iconOnly?: boolean }) {
  const t = useT();
  // In the normal view's crowded header the two switches show their glyph only (the name stays for screen
  // readers and as a tooltip), so the controls keep to one line at 1280×720 and the diagram keeps the height.
  const label = (text: string) => (iconOnly ? <span className="sr-only">{text}</span> : text);
  const presenterName = t({ en: "Presenter view", nb: "Presentasjonsvisning" });
  const keysName = t({ en: "Keys", nb: "Taster" });
  return (
    <>
      {button(
        <>
          <span aria-hidden="true">▣</span>
          {label(presenterName)}
        </>,
        "btn-secondary",
        true,
        onPresenter,
        { "aria-pressed": presenter, "aria-keyshortcuts": "P", ...(iconOnly && { title: `${presenterName} (P)` }) },
      )}
      {button(
        <>
          <span aria-hidden="true">?</span>
          {label(keysName)}
        </>,
        "btn-secondary",
        true,
        onHelp,
        { "aria-haspopup": "dialog", ...(iconOnly && { title: `${keysName} (?)` }) },
      )}
    </>
  );
}

export function RunControls(p: RunControlsProps) {
  const t = useT();
  const paused = p.autoplay === "paused";
  // Dense (the normal view's one-row header): from lg until the 1800 px of a 1080p projector the secondary
  // buttons and the speed's label show their glyph only; the word stays for screen readers and tests, and as a tooltip.
  const hide = p.dense ? "lg:max-[1800px]:sr-only" : "";
  // A word that never changes needs no fixed width; Pause/Resume keeps one where it shows its word.
  const fit = p.dense ? "lg:min-w-0" : "";
  const fitPause = p.dense ? "lg:max-[1800px]:min-w-0" : "";
  const word = (text: string) => <span className={hide}>{text}</span>;
  const tip = (text: string, key: string): Record<string, string> => (p.dense ? { title: `${text} (${key})` } : {});
  const pauseName = paused ? t({ en: "Resume", nb: "Fortsett" }) : t({ en: "Pause", nb: "Pause" });
  const backName = t({ en: "Back", nb: "Tilbake" });
  const resetName = t({ en: "Reset", nb: "Nullstill" });
  return (
    <div
      className={`flex flex-wrap items-center gap-2 ${p.dense ? "lg:flex-nowrap" : ""}`}
      role="group"
      aria-label={t({ en: "Run controls", nb: "Styring av kjøringen" })}
    >
      {button(
        <>
          <span aria-hidden="true">▶▶</span>
          {t({ en: "Run all", nb: "Kjør alle" })}
        </>,
        `btn-primary min-w-28 ${fit}`,
        !p.busy && p.autoplay !== "playing",
        p.onRunAll,
      )}
      {button(
        <>
          <span aria-hidden="true" className="inline-block min-w-[1.2em]">
            {paused ? "▶" : "❚❚"}
          </span>
          {word(pauseName)}
        </>,
        `btn-secondary min-w-28 ${fitPause}`,
        p.autoplay !== "off",
        paused ? p.onResume : p.onPause,
        { "aria-keyshortcuts": "Space", ...tip(pauseName, "Space") },
      )}
      {button(
        <>
          <span aria-hidden="true">◀</span>
          {word(backName)}
        </>,
        `btn-secondary min-w-24 ${fit}`,
        !p.busy && p.canBack,
        p.onBack,
        { "aria-keyshortcuts": "ArrowLeft PageUp", ...tip(backName, "←") },
      )}
      {button(
        <>
          {t({ en: "Next step", nb: "Neste steg" })}
          <span aria-hidden="true">▶</span>
        </>,
        `btn-primary min-w-32 ${fit}`,
        !p.busy && p.canNext,
        p.onNext,
        { "aria-keyshortcuts": "ArrowRight PageDown" },
      )}
      {button(
        <>
          <span aria-hidden="true">↺</span>
          {word(resetName)}
        </>,
        `btn-secondary min-w-24 ${fit}`,
        p.canReset,
        p.onReset,
        { "aria-keyshortcuts": "Home", ...tip(resetName, "Home") },
      )}
      {!p.compact && (
        <>
          <div className="flex items-center gap-2 pl-2 lg:max-[1800px]:pl-0">
            <label htmlFor="speed" className={`text-sm font-semibold text-muted-strong ${hide}`}>
              {t({ en: "Animation", nb: "Animasjon" })}
            </label>
            <select
              id="speed"
              className={`field w-40 ${p.dense ? "lg:max-xl:w-32 xl:max-[1800px]:w-36" : ""}`}
              value={p.reducedMotion ? "off" : p.speed}
              disabled={p.reducedMotion}
              aria-describedby={p.reducedMotion ? "speed-note" : undefined}
              {...(p.dense && { title: t({ en: "Animation", nb: "Animasjon" }) })}
              onChange={(e) => p.onSpeed(e.target.value as Speed)}
            >
              <option value="off">{t({ en: "Off (instant)", nb: "Av (straks)" })}</option>
              <option value="normal">{t({ en: "Normal", nb: "Normal" })}</option>
              <option value="slow">{t({ en: "Slow (presenter)", nb: "Sakte (presentasjon)" })}</option>
            </select>
            {p.reducedMotion && (
              <span id="speed-note" className="sr-only">
                {t({ en: "Off because your system asks for reduced motion.", nb: "Av fordi systemet ditt ber om redusert bevegelse." })}
              </span>
            )}
          </div>
          <ViewSwitches presenter={p.presenter} onPresenter={p.onPresenter} onHelp={p.onHelp} iconOnly />
        </>
      )}
    </div>
  );
}
