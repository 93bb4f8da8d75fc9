"use client";

import { useCallback, useRef, useState } from "react";
import type { CatalogueEntry } from "@/lib/catalogue/entries";
import { findEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import { runEntry } from "@/lib/catalogue/run";
import { setWorkspaceClock } from "../workspace/use-workspace";

type CatalogueRunState =
  | { status: "idle" }
  | { status: "running"; entry: CatalogueEntry }
  | { status: "done"; entry: CatalogueEntry; run: CatalogueRun }
  | { status: "error"; entry: CatalogueEntry; message: string };

/**
 * Runs catalogue entries from the browser, for real: the page's origin is Dialogporten's and the identity
 * providers', `serviceProviderOrigin` the provider's (a second origin, so CORS is real). One run at a time;
 * a run started while another is going on replaces it. Runs happen in the browser's own workspace, so a
 * participant's attacks never touch anyone else's dialogs.
 */
export function useCatalogueRun(serviceProviderOrigin: string, workspace: string | null, onResult?: (run: CatalogueRun, entry: CatalogueEntry) => void) {
  const [state, setState] = useState<CatalogueRunState>({ status: "idle" });
  const latest = useRef(0);

  const run = useCallback(
    /** `at`: the link's fixed clock, or none for the real one; set on the workspace first, as the sequence page does. */
    async (entryId: string, at?: string) => {
      const entry = findEntry(entryId);
      if (!entry) return;
      const ticket = ++latest.current;
      setState({ status: "running", entry });
      try {
        if (workspace) await setWorkspaceClock(workspace, at);
        const result = await runEntry(entry, {
          fetch: (input, init) => window.fetch(input, init),
          baseUrl: window.location.origin,
          serviceProviderOrigin,
          ...(workspace && { workspace }),
        });
        if (ticket !== latest.current) return;
        setState({ status: "done", entry, run: result });
        onResult?.(result, entry);
      } catch (error) {
        if (ticket !== latest.current) return;
        setState({ status: "error", entry, message: error instanceof Error ? error.message : String(error) });
      }
    },
    [serviceProviderOrigin, workspace, onResult],
  );

  /** Drops the result (and any run still going): it was made in a workspace state that no longer exists. */
  const reset = useCallback(() => {
    latest.current++;
    setState({ status: "idle" });
  }, []);

  return { state, run, reset };
}
