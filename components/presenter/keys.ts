import type { Text } from "../i18n/text";
import type { Autoplay, Step } from "../sequence/run-model";

export type KeyCommand =
  | { kind: "next" }
  | { kind: "back" }
  | { kind: "reset" }
  | { kind: "jump"; step: Step }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "presenter" }
  | { kind: "fullscreen" }
  | { kind: "help" }
  | { kind: "escape" };

/**
 * Where the key was pressed: a field (text input, select, textarea) keeps every key for itself; a button
 * or link keeps Enter, and Space too outside the presenter view; anywhere else (the page, a tab panel)
 * the keys belong to the run.
 */
export type KeyTarget = "field" | "button" | "other";

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
}

const DIGIT: Record<string, Step> = { "0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6 };

/**
 * The run's keys, as a presentation clicker or a keyboard sends them: → and PageDown forward, ← and
 * PageUp back, Space forward or, while Run all is going, pause and resume. One map for the normal and the
 * presenter view, so a presenter never has to remember which view they are in; only Space differs. In the
 * normal view a focused button keeps it (Space presses buttons); the presenter view is driven by a clicker
 * or a bare keyboard after a click on Run all has left focus on a button, so there Space is the run's, and
 * Enter still presses the focused button.
 */
export function commandFor(k: KeyPress, target: KeyTarget, autoplay: Autoplay, presenter = false): KeyCommand | null {
  // A held key repeats: each repeat would be a real HTTP call, so only the first press counts.
  if (k.altKey || k.ctrlKey || k.metaKey || k.repeat || target === "field") return null;
  // "?" needs Shift on most layouts (Shift+/ in English, Shift++ in Norwegian), so Shift is allowed for it alone.
  if (k.key === "?") return { kind: "help" };
  if (k.shiftKey) return null;
  switch (k.key) {
    case "ArrowRight":
    case "PageDown":
      return { kind: "next" };
    case "ArrowLeft":
    case "PageUp":
      return { kind: "back" };
    case "Home":
      return { kind: "reset" };
    case "Escape":
      return { kind: "escape" };
    case " ":
      if (target === "button" && !presenter) return null;
      return autoplay === "playing" ? { kind: "pause" } : autoplay === "paused" ? { kind: "resume" } : { kind: "next" };
    case "p":
    case "P":
      return { kind: "presenter" };
    case "f":
    case "F":
      return { kind: "fullscreen" };
  }
  const step = DIGIT[k.key];
  return step === undefined ? null : { kind: "jump", step };
}

/** The keys as the help overlay lists them: the key caps, and what they do. */
export const KEY_HELP: readonly { keys: readonly string[]; does: Text }[] = [
  { keys: ["→", "PageDown", "Space"], does: { en: "Next step (makes the real call)", nb: "Neste steg (gjør det ekte kallet)" } },
  { keys: ["←", "PageUp"], does: { en: "Previous step", nb: "Forrige steg" } },
  {
    keys: ["Space"],
    does: {
      en: "Pause or resume Run all (in the presenter view even on a button; Enter presses it)",
      nb: "Pause eller fortsett «Kjør alle» (i presentasjonsvisningen også på en knapp; Enter trykker den)",
    },
  },
  { keys: ["0–6"], does: { en: "Go to that step (calls on the way are made for real)", nb: "Gå til det steget (kallene på veien gjøres ekte)" } },
  { keys: ["Home"], does: { en: "Reset the run", nb: "Nullstill kjøringen" } },
  { keys: ["P"], does: { en: "Presenter view on or off", nb: "Presentasjonsvisning av eller på" } },
  { keys: ["F"], does: { en: "Full screen on or off", nb: "Fullskjerm av eller på" } },
  { keys: ["?"], does: { en: "This list of keys", nb: "Denne listen over taster" } },
  { keys: ["Esc"], does: { en: "Close this list, leave full screen", nb: "Lukk listen, gå ut av fullskjerm" } },
];
