"use client";

import { useRef, useState } from "react";
import type { EndUserSystemContext, ResolvedAction } from "@/lib/end-user-system/calls";
import { getDialog, resolveAction, signIn } from "@/lib/end-user-system/calls";
import { seedUrlFor } from "@/lib/end-user-system/flow";
import type { StepsRun } from "@/lib/end-user-system/legacy";
import { compareSteps4to6 } from "@/lib/end-user-system/legacy";
import type { MdNode } from "@/lib/end-user-system/markdown";
import type { Exchange } from "@/lib/shared/trace";
import { explainExchange } from "../exchange/explain";
import type { Scenario } from "../scenario/scenario";
import { decodeChoice, personaOf } from "../scenario/scenario";
import { header } from "../exchange/trace-notes";
import { setWorkspaceClock } from "../workspace/use-workspace";

export interface CompareResult {
  scenario: Scenario;
  pdpLatencyMs: number;
  /** Steps 0–3, made once for both paths: the sign-in and the dialog (with its token). */
  signIn: Exchange;
  dialog: Exchange;
  action: ResolvedAction;
  token: StepsRun;
  legacy: StepsRun;
  /** Each path's markdown answer, rendered, when it was one. */
  trees: { token?: MdNode[]; legacy?: MdNode[] };
}

type CompareState =
  { status: "idle" } | { status: "running"; phase: string } | { status: "done"; result: CompareResult } | { status: "error"; message: string };

const isMarkdown = (e: Exchange) => e.response?.status === 200 && (header(e, "content-type") ?? "").startsWith("text/markdown");

/**
 * The claim, measured: sign in and get the dialog once (steps 0–3), then steps 4–6 twice — with the
 * dialog token, and on the legacy path with the access token, where the provider asks Altinn
 * Authorization. Every run signs in afresh, so the 120-second access token is never stale. Runs happen in
 * the browser's own workspace: a write action run twice changes this participant's dialog, nobody else's.
 */
export function useCompareRun(serviceProviderOrigin: string, workspace: string | null) {
  const [state, setState] = useState<CompareState>({ status: "idle" });
  const latest = useRef(0);

  /** `at`: the link's fixed clock, or none for the real one; set on the workspace first, as the sequence page does. */
  async function run(scenario: Scenario, pdpLatencyMs: number, at?: string) {
    const ticket = ++latest.current;
    const live = () => ticket === latest.current;
    const phase = (p: string) => {
      if (live()) setState({ status: "running", phase: p });
    };
    const fail = (message: string) => {
      if (live()) setState({ status: "error", message });
    };
    const ctx: EndUserSystemContext = {
      fetch: (input, init) => window.fetch(input, init),
      baseUrl: window.location.origin,
      trace: true,
      ...(workspace && { workspace }),
    };
    try {
      phase("Steps 0–3: signing in and getting the dialog with its token…");
      if (workspace) await setWorkspaceClock(workspace, at);
      const login = await signIn(ctx, personaOf(scenario));
      if (!login.value) return fail(`Sign-in failed. ${explainExchange(login.exchange) ?? ""}`);
      const got = await getDialog(ctx, login.value, scenario.dialogId);
      const dialog = got.value;
      if (!dialog?.dialogToken) return fail(`Dialogporten issued no dialog token, so there is nothing to compare. ${explainExchange(got.exchange) ?? ""}`);
      const action = resolveAction(dialog, decodeChoice(scenario.action), seedUrlFor(scenario.dialogId, serviceProviderOrigin));
      if (!action) return fail("The dialog has no such action.");
      phase("Steps 4–6, twice: with the dialog token, then on the legacy path…");
      const both = await compareSteps4to6(ctx, { dialogToken: dialog.dialogToken, accessToken: login.value, action, pdpLatencyMs });
      const answers = [both.token.exchange, both.legacy.exchange];
      // markdown-it is loaded only when there is markdown to show, never with the page.
      const md = answers.some(isMarkdown) ? await import("@/lib/end-user-system/markdown") : null;
      const tree = (e: Exchange) => (md && isMarkdown(e) ? md.markdownToTree(e.response?.body ?? "") : undefined);
      if (!live()) return;
      setState({
        status: "done",
        result: {
          scenario,
          pdpLatencyMs,
          signIn: login.exchange,
          dialog: got.exchange,
          action,
          token: both.token,
          legacy: both.legacy,
          trees: { token: tree(both.token.exchange), legacy: tree(both.legacy.exchange) },
        },
      });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Drops the result (and any run still going): it was made in a workspace state that no longer exists. */
  function reset() {
    latest.current++;
    setState({ status: "idle" });
  }

  return { state, run, reset };
}
