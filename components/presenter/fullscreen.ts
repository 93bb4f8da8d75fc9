"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

/**
 * The Fullscreen API, as React state: `supported` is false on the server and where the browser offers no
 * fullscreen (iPhone Safari, some embedded views), so the button is not offered there at all.
 */
export function useFullscreen() {
  const supported = useSyncExternalStore(
    subscribe,
    () => document.fullscreenEnabled === true,
    () => false,
  );
  const on = useSyncExternalStore(
    subscribe,
    () => document.fullscreenElement !== null && document.fullscreenElement !== undefined,
    () => false,
  );
  // Both calls reject when the browser refuses (no user gesture, a policy): then nothing changes, which is what the button shows.
  const toggle = () => void (on ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);
  const leave = () => void (on ? document.exitFullscreen().catch(() => undefined) : undefined);
  return { supported, on, toggle, leave };
}
