"use client";

import { useEffect, useSyncExternalStore } from "react";
import { POLICY_SOURCE_HEADER, type PolicyDocument } from "@/lib/altinn/policy-document";
import { decodePolicies, encodePolicies } from "./policy-link";

/**
 * The workspace's policies as the browser knows them, shared by every component that needs them (the
 * editor, the scenario form's predictions, the sequence page's link): one fetch per workspace, refetched
 * after every change made here and when the window regains focus (the editor may be open in another tab).
 */
export type PolicyState =
  | { status: "loading" }
  | { status: "failed"; detail: string }
  | {
      status: "ready";
      document: PolicyDocument;
      source: "seed" | "workspace";
      /** The document as a link's `policies` value (policy-link.ts), only when it is the workspace's own. */
      encoded: string | null;
    };

/** What the workspace API answered to a change; `errors` is its per-path dictionary for a 400. */
export type PolicyChange = { ok: true } | { ok: false; status: number; code?: string; detail?: string; errors?: Record<string, string[]> };

const states = new Map<string, PolicyState>();
const listeners = new Set<() => void>();
const LOADING: PolicyState = { status: "loading" };

const url = (workspace: string) => `/sandbox/api/v1/workspaces/${encodeURIComponent(workspace)}/policies`;

function publish(workspace: string, state: PolicyState) {
  states.set(workspace, state);
  for (const l of listeners) l();
}

/** The latest read per workspace: an answer to an older one (a focus refetch overtaken by a save) is dropped. */
const latest = new Map<string, number>();

export async function refreshPolicies(workspace: string): Promise<void> {
  const mine = (latest.get(workspace) ?? 0) + 1;
  latest.set(workspace, mine);
  const settle = (state: PolicyState) => latest.get(workspace) === mine && publish(workspace, state);
  try {
    const r = await fetch(url(workspace), { cache: "no-store" });
    if (!r.ok) return void settle({ status: "failed", detail: `${r.status} ${r.statusText}` });
    const document = (await r.json()) as PolicyDocument;
    const source = r.headers.get(POLICY_SOURCE_HEADER) === "workspace" ? "workspace" : "seed";
    settle({ status: "ready", document, source, encoded: source === "workspace" ? await encodePolicies(document) : null });
  } catch (e) {
    settle({ status: "failed", detail: String(e) });
  }
}

async function answer(r: Response): Promise<PolicyChange> {
  if (r.ok) return { ok: true };
  const body = (await r.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: Record<string, string[]> };
  return { ok: false, status: r.status, code: body.code, detail: body.detail, errors: body.errors };
}

/** PUT: the server validates; on success every view of the workspace's policies is refreshed. */
export async function savePolicies(workspace: string, document: unknown): Promise<PolicyChange> {
  const r = await fetch(url(workspace), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(document) });
  const result = await answer(r);
  if (result.ok) await refreshPolicies(workspace);
  return result;
}

/** DELETE: the seed's policies again. */
export async function resetPolicies(workspace: string): Promise<PolicyChange> {
  const result = await answer(await fetch(url(workspace), { method: "DELETE" }));
  await refreshPolicies(workspace);
  return result;
}

/**
 * A link's `policies` into the opener's own workspace, before its replay. What does not unpack, or what the
 * server refuses, leaves the workspace's policies as they were: the run then shows the opener's own.
 */
export async function applyLinkPolicies(workspace: string, encoded: string): Promise<boolean> {
  const document = await decodePolicies(encoded);
  return document !== null && (await savePolicies(workspace, document)).ok;
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The workspace's policies; null before hydration (no workspace yet). */
export function useWorkspacePolicies(workspace: string | null): PolicyState | null {
  const state = useSyncExternalStore(
    subscribe,
    () => (workspace ? (states.get(workspace) ?? LOADING) : null),
    () => null,
  );
  useEffect(() => {
    if (!workspace) return;
    if (!states.has(workspace)) void refreshPolicies(workspace);
    const onFocus = () => void refreshPolicies(workspace);
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [workspace]);
  return state;
}
