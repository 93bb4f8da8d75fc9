"use client";

import { useSyncExternalStore } from "react";
import { isWorkspaceId, WORKSPACE_HEADER } from "@/lib/shared/workspace";

/**
 * The browser's own workspace: made up the first time the app opens and kept in localStorage, so every
 * tab of this browser shares it and another browser (or a private window) gets its own.
 */
const STORAGE_KEY = WORKSPACE_HEADER;
const listeners = new Set<() => void>();

function newId(): string {
  return `ws-${crypto.randomUUID()}`;
}

function current(): string {
  let id = localStorage.getItem(STORAGE_KEY);
  if (!id || !isWorkspaceId(id)) {
    id = newId();
    localStorage.setItem(STORAGE_KEY, id);
  }
  return id;
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && onChange();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** The workspace id, or null before hydration (the server has no workspace of the browser's). */
export function useWorkspace(): string | null {
  return useSyncExternalStore(subscribe, current, () => null);
}

/** Puts the workspace back to the seed on the server. */
export async function resetWorkspace(id: string): Promise<boolean> {
  const r = await fetch(`/sandbox/api/v1/workspaces/${encodeURIComponent(id)}`, { method: "DELETE" });
  return r.ok;
}

/** Leaves the old workspace to expire and starts a fresh one. */
export function renewWorkspace(): string {
  const id = newId();
  localStorage.setItem(STORAGE_KEY, id);
  for (const l of listeners) l();
  return id;
}
