"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { Text } from "../i18n/text";
import { replaceQuery } from "../workspace/page-link";
import { parseLinkClock, setLinkClock, type LinkClock } from "../workspace/link-clock";
import type { ApiResult } from "../workspace/sandbox-call";
import { applyLinkClock, fetchWorkspaceClock, putWorkspaceClock } from "../workspace/workspace-clock";
import { worldApi } from "./world-api";
import type { World } from "./world-model";

/** A refusal as the page shows it: what was tried, and the server's own code and detail. */
export interface WorldProblem {
  what: Text;
  status: number;
  code: string;
  detail: string;
}

const reading: Text = { en: "Reading the workspace", nb: "Leser arbeidsområdet" };

type Outcome = { ok: true; value: unknown } | Extract<ApiResult<unknown>, { ok: false }>;

/**
 * The /workspace page's state: the workspace's clock, Dialogporten's key ring and the provider's key cache,
 * read from the services themselves (never kept here as truth), and the changes a learner makes to them.
 * After every change all three are read again, so what the page shows is what the next run will meet.
 */
export function useWorld(workspace: string | null) {
  const [world, setWorld] = useState<World | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<WorldProblem | null>(null);
  const [note, setNote] = useState<Text | null>(null);
  /** Until the link's clock has been applied, nothing is written back into the address bar. */
  const opened = useRef(false);

  async function read(id: string): Promise<Outcome> {
    const [clock, keys, cache] = await Promise.all([fetchWorkspaceClock(id), worldApi.keys(id), worldApi.cache(id)]);
    const failed = [clock, keys, cache].find((r) => !r.ok);
    if (failed && !failed.ok) return failed;
    if (clock.ok && keys.ok && cache.ok) setWorld({ clock: clock.value, keys: keys.value, cache: cache.value });
    return { ok: true, value: null };
  }

  /** Runs one change, then reads the world again; a refusal is kept with the server's code and detail. */
  async function act(what: Text, done: Text, call: (id: string) => Promise<Outcome>) {
    if (!workspace || busy) return;
    setBusy(true);
    setNote(null);
    try {
      const r = await call(workspace);
      if (r.ok) {
        setProblem(null);
        setNote(done);
      } else setProblem({ what, status: r.status, code: r.code, detail: r.detail });
      const again = await read(workspace);
      if (!again.ok && r.ok) setProblem({ what: reading, status: again.status, code: again.code, detail: again.detail });
    } finally {
      setBusy(false);
    }
  }

  // A link to /workspace carries a clock the same way a run link does: opening it sets exactly that clock.
  // Until it has been read, the page shows no controls, so nothing needs to wait for this.
  const linkClock = useEffectEvent(() => parseLinkClock(new URLSearchParams(window.location.search)));
  useEffect(() => {
    if (!workspace) return;
    void (async () => {
      await applyLinkClock(workspace, linkClock());
      const r = await read(workspace);
      if (!r.ok) setProblem({ what: reading, status: r.status, code: r.code, detail: r.detail });
      opened.current = true;
    })();
  }, [workspace]);

  // A run in another tab fills or refreshes the provider's cache: read again when this tab comes back.
  const onFocus = useEffectEvent(() => {
    if (workspace && opened.current && !busy) void read(workspace);
  });
  useEffect(() => {
    const listener = () => onFocus();
    window.addEventListener("focus", listener);
    return () => window.removeEventListener("focus", listener);
  }, []);

  // The address bar is the page's link: it carries the clock, so a copied link sets the same clock for whoever opens it.
  const clockQuery = world ? setLinkClock(new URLSearchParams(), world.clock).toString() : null;
  useEffect(() => {
    if (opened.current && clockQuery !== null) replaceQuery(clockQuery);
  }, [clockQuery]);

  return {
    world,
    busy,
    problem,
    note,
    setClock: (clock: LinkClock, done: Text) => act({ en: "Setting the clock", nb: "Stiller klokka" }, done, (id) => putWorkspaceClock(id, clock)),
    publish: () => act({ en: "Publishing a key", nb: "Publiserer en nøkkel" }, { en: "New key published.", nb: "Ny nøkkel publisert." }, worldApi.publish),
    promote: (kid: string, early: boolean) =>
      act(
        early ? { en: "Promoting early", nb: "Forfremmer for tidlig" } : { en: "Promoting", nb: "Forfremmer" },
        { en: "Key promoted to Primary: it signs the next token.", nb: "Nøkkelen er forfremmet til primær: den signerer neste token." },
        (id) => worldApi.promote(id, kid, early),
      ),
    retire: (kid: string) =>
      act(
        { en: "Retiring a key", nb: "Trekker tilbake en nøkkel" },
        { en: "Key retired: it left the JWKS.", nb: "Nøkkelen er trukket tilbake: den er ute av JWKS." },
        (id) => worldApi.retire(id, kid),
      ),
    resetKeys: () =>
      act(
        { en: "Resetting the keys", nb: "Tilbakestiller nøklene" },
        { en: "Back to the deployment's two keys.", nb: "Tilbake til installasjonens to nøkler." },
        worldApi.resetKeys,
      ),
    flush: () =>
      act(
        { en: "Flushing the provider's key cache", nb: "Tømmer tjenestetilbyderens nøkkelbuffer" },
        {
          en: "Cache flushed: the next token makes the provider fetch the keys.",
          nb: "Bufferen er tømt: neste token får tjenestetilbyderen til å hente nøklene.",
        },
        worldApi.flush,
      ),
    refresh: () => act(reading, { en: "Read again.", nb: "Lest på nytt." }, async () => ({ ok: true, value: null })),
  };
}

export type WorldControls = ReturnType<typeof useWorld>;
