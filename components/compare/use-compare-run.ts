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
import { applyLinkClock } from "../workspace/workspace-clock";
import type { LinkClock } from "../workspace/link-clock";
import type { Text } from "../i18n/text";

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

/** What the page says while it runs or when it fails: words in both languages, plus the explanation of the exchange that failed. */
export interface CompareMessage {
  text: Text;
  detail?: string;
}

type CompareState =
  { status: "idle" } | { status: "running"; phase: CompareMessage } | { status: "done"; result: CompareResult } | { status: "error"; message: CompareMessage };

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

  /** `clock`: the link's, set on the workspace first as the sequence page does; none leaves the workspace's clock as it is. */
  async function run(scenario: Scenario, pdpLatencyMs: number, clock: LinkClock = {}) {
    const ticket = ++latest.current;
    const live = () => ticket === latest.current;
    const phase = (p: Text) => {
      if (live()) setState({ status: "running", phase: { text: p } });
    };
    const fail = (text: Text, detail?: string | null) => {
      if (live()) setState({ status: "error", message: { text, ...(detail && { detail }) } });
    };
    const ctx: EndUserSystemContext = {
      fetch: (input, init) => window.fetch(input, init),
      baseUrl: window.location.origin,
      trace: true,
      ...(workspace && { workspace }),
    };
    try {
      phase({ en: "Steps 0–3: signing in and getting the dialog with its token…", nb: "Steg 0–3: logger inn og henter dialogen med dialogtokenet…" });
      if (workspace) await applyLinkClock(workspace, clock);
      const login = await signIn(ctx, personaOf(scenario));
      if (!login.value) return fail({ en: "Sign-in failed.", nb: "Innloggingen feilet." }, explainExchange(login.exchange));
      const got = await getDialog(ctx, login.value, scenario.dialogId);
      const dialog = got.value;
      if (!dialog?.dialogToken)
        return fail(
          {
            en: "Dialogporten issued no dialog token, so there is nothing to compare.",
            nb: "Dialogporten utstedte ikke noe dialogtoken, så det er ingenting å sammenligne.",
          },
          explainExchange(got.exchange),
        );
      const action = resolveAction(dialog, decodeChoice(scenario.action), seedUrlFor(scenario.dialogId, serviceProviderOrigin));
      if (!action) return fail({ en: "The dialog has no such action.", nb: "Dialogen har ingen slik handling." });
      phase({ en: "Steps 4–6, twice: with the dialog token, then on the legacy path…", nb: "Steg 4–6, to ganger: med dialogtokenet, så på den gamle veien…" });
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
      fail({ en: "The run stopped with an error:", nb: "Kjøringen stoppet med en feil:" }, error instanceof Error ? error.message : String(error));
    }
  }

  /** Drops the result (and any run still going): it was made in a workspace state that no longer exists. */
  function reset() {
    latest.current++;
    setState({ status: "idle" });
  }

  return { state, run, reset };
}
