"use client";

import { useCallback, useRef, useState } from "react";
import type { CaseResult, ConformanceOptions, ConformanceReport } from "@/lib/conformance/run";
import { runConformance } from "@/lib/conformance/run";
import { directSend, relaySend } from "@/lib/conformance/send";

export type Route = "relay" | "direct";

export type ConformanceRunState =
  | { status: "idle" }
  | { status: "running"; results: CaseResult[] }
  | { status: "done"; results: CaseResult[]; report: ConformanceReport }
  | { status: "error"; results: CaseResult[]; message: string };

/**
 * Runs the conformance suite from this browser. Tokens come from the sandbox's test-token API (the page's
 * origin); each request goes to the provider straight from the browser (its CORS permitting) or through the
 * sandbox's relay. A browser cannot send some attacks at all (a Cookie header, a 64 KB header): those are
 * reported as not sent when going direct.
 */
export function useConformanceRun() {
  const [state, setState] = useState<ConformanceRunState>({ status: "idle" });
  const latest = useRef(0);

  const run = useCallback(async (options: Omit<ConformanceOptions, "sandbox">, route: Route) => {
    const ticket = ++latest.current;
    const results: CaseResult[] = [];
    setState({ status: "running", results });
    const fetch = (input: string | URL | Request, init?: RequestInit) => window.fetch(input, init);
    const sandbox = window.location.origin;
    try {
      const report = await runConformance(
        { ...options, sandbox },
        {
          fetch,
          send: route === "relay" ? relaySend(fetch, sandbox) : directSend(fetch),
          skip: (attack) =>
            route === "direct" && attack.entry.notInBrowser
              ? `a browser cannot send it (${attack.entry.notInBrowser.split(";")[0]}); run it through the relay`
              : undefined,
          onResult: (result) => {
            if (ticket !== latest.current) return;
            results.push(result);
            setState({ status: "running", results: [...results] });
          },
        },
      );
      if (ticket === latest.current) setState({ status: "done", results: [...results], report });
    } catch (error) {
      if (ticket === latest.current) setState({ status: "error", results: [...results], message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  return { state, run };
}
