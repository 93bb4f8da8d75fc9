"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { KeyCommand, KeyTarget } from "./keys";
import { commandFor } from "./keys";
import { useFullscreen } from "./fullscreen";
import type { SequenceRun } from "../sequence/use-sequence-run";

/** Where a key was pressed; see {@link KeyTarget}. */
function targetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return "other";
  if (target.closest("input, select, textarea, [contenteditable]:not([contenteditable=false])")) return "field";
  if (target.closest("button, a[href], summary, [role=button], [role=tab], [role=link]")) return "button";
  return "other";
}

/**
 * The run's keyboard, listened for on the whole window so it works wherever focus is: after a click into a
 * tab panel, on a diagram arrow, on the page itself. `delayMs` is Run all's pause between steps.
 */
export function useRunKeys(run: SequenceRun, delayMs: number) {
  const [help, setHelp] = useState(false);
  const fullscreen = useFullscreen();

  const perform = (c: KeyCommand) => {
    switch (c.kind) {
      case "next":
        return run.canNext ? void run.next() : run.pause();
      case "back":
        return run.back();
      case "reset":
        return run.reset();
      case "jump":
        return void run.jump(c.step);
      case "pause":
        return run.pause();
      case "resume":
        return void run.runAll(delayMs);
      case "presenter":
        return run.togglePresenter();
      case "fullscreen":
        return fullscreen.supported ? fullscreen.toggle() : undefined;
      case "help":
        return setHelp((open) => !open);
      case "escape":
        return fullscreen.leave();
    }
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const command = commandFor(e, targetOf(e.target), run.autoplay, run.state.presenter);
    // While the list of keys is open, its dialog has the keyboard: only "?" (and Esc, natively) closes it.
    if (!command || (help && command.kind !== "help")) return;
    e.preventDefault();
    // Space on a focused button (presenter view) is the run's: the button's own click comes on keyup, so that is cancelled too.
    if (e.key === " ") window.addEventListener("keyup", (up) => up.preventDefault(), { once: true, capture: true });
    perform(command);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return { help, openHelp: () => setHelp(true), closeHelp: () => setHelp(false), fullscreen };
}

export type RunKeys = ReturnType<typeof useRunKeys>;
