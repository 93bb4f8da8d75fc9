"use client";

import { useState } from "react";
import type { PolicyDocument } from "@/lib/altinn/policy-document";
import type { Policy } from "@/lib/altinn/resource-registry";
import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { useHydrated } from "../ui/hooks";
import { withLang } from "../workspace/page-link";
import { useWorkspace } from "../workspace/use-workspace";
import { type PolicyChange, resetPolicies, savePolicies, useWorkspacePolicies } from "./policy-client";
import { actionChoices, attributeChoices, otherErrors, roleChoices, sameDocument, withLevels } from "./policy-model";
import { WorldNav } from "./world-nav";
import { PolicySection } from "./policy-resource";
import { PolicyTransfer } from "./policy-transfer";

type Message = { kind: "ok" | "error"; text: string; run?: boolean };

/** A refused change in words; the field-level `errors` are shown beside the fields themselves. */
function refusal(result: Extract<PolicyChange, { ok: false }>): Text {
  if (result.code === "default_workspace_shared")
    return {
      en: "The shared default workspace keeps the seed's policies (409 default_workspace_shared).",
      nb: "Det delte standardområdet beholder startdataenes regler (409 default_workspace_shared).",
    };
  if (result.errors)
    return {
      en: "Not saved: the server refused the policies (400 invalid_policies). The fields it names are marked below.",
      nb: "Ikke lagret: serveren avviste reglene (400 invalid_policies). Feltene den peker på er merket nedenfor.",
    };
  return { en: `Not saved: ${result.status} ${result.code ?? ""}`, nb: `Ikke lagret: ${result.status} ${result.code ?? ""}` };
}

/**
 * The policy editor: the workspace's policies (the seed's until it has its own) as an editable draft, saved
 * with one PUT that the server validates, put back to the seed with DELETE, exported and imported as JSON.
 */
export function PolicyEditor() {
  const t = useT();
  const workspace = useWorkspace();
  const state = useWorkspacePolicies(workspace);
  const hydrated = useHydrated();
  /** Unsaved changes; null shows what the workspace decides with. */
  const [edits, setEdits] = useState<PolicyDocument | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  if (!workspace || !state || state.status === "loading")
    return (
      <div className="space-y-4">
        <WorldNav current="/workspace/policies" />
        <p className="panel p-3 text-sm" role="status">
          {t({ en: "Loading your workspace's policies…", nb: "Henter reglene i arbeidsområdet ditt…" })}
        </p>
      </div>
    );
  if (state.status === "failed")
    return (
      <div className="space-y-4">
        <WorldNav current="/workspace/policies" />
        <p className="callout-error" role="alert">
          {t({ en: "The policies could not be read: {detail}", nb: "Reglene kunne ikke leses: {detail}" }, { detail: state.detail })}
        </p>
      </div>
    );

  const saved = withLevels(state.document);
  const shown = edits ?? saved;
  const dirty = edits !== null && !sameDocument(edits, saved);
  const roles = roleChoices(shown, saved);
  const actions = actionChoices(shown, saved);
  const unplaced = otherErrors(errors, shown);
  const runHref = `/${hydrated && withLang("") ? `?${withLang("")}` : ""}`;

  const change = (i: number, policy: Policy) => setEdits({ policies: shown.policies.map((p, k) => (k === i ? policy : p)) });

  async function act(work: () => Promise<PolicyChange>, success: Text) {
    if (!workspace || busy) return;
    setBusy(true);
    setMessage(null);
    const result = await work().finally(() => setBusy(false));
    if (result.ok) {
      setEdits(null);
      setErrors(undefined);
      setMessage({ kind: "ok", text: t(success), run: true });
    } else {
      setErrors(result.errors);
      setMessage({ kind: "error", text: t(refusal(result)) });
    }
    return result;
  }

  const save = () =>
    act(() => savePolicies(workspace, shown), {
      en: "Saved. Altinn Authorization decides with these policies in your workspace from the next run on.",
      nb: "Lagret. Fra neste kjøring bruker Altinn Autorisasjon disse reglene i arbeidsområdet ditt.",
    });
  const reset = () => act(() => resetPolicies(workspace), { en: "Back to the seed's policies.", nb: "Tilbake til startdataenes regler." });
  const importDocument = async (document: unknown): Promise<PolicyChange> => {
    const result = await savePolicies(workspace, document);
    if (result.ok) {
      setEdits(null);
      setErrors(undefined);
      setMessage(null);
    }
    return result;
  };

  const discard = () => {
    setEdits(null);
    setErrors(undefined);
  };

  const own = state.source === "workspace";
  return (
    <div className="space-y-4">
      <WorldNav current="/workspace/policies" />
      <section aria-label={t({ en: "Save or reset", nb: "Lagre eller tilbakestill" })} className="panel space-y-2 p-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="min-w-0 flex-1 text-sm" data-testid="policy-source">
            <span className={own ? "chip chip-warn" : "chip chip-muted"}>
              {own ? t({ en: "Your own policies", nb: "Dine egne regler" }) : t({ en: "The seed's policies", nb: "Startdataenes regler" })}
            </span>{" "}
            {own
              ? t({ en: "This workspace decides with policies of its own.", nb: "Dette arbeidsområdet bruker sine egne regler." })
              : t({ en: "This workspace decides with the seed's policies.", nb: "Dette arbeidsområdet bruker startdataenes regler." })}
            {dirty && <span className="chip chip-warn ml-2">{t({ en: "Unsaved changes", nb: "Ulagrede endringer" })}</span>}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-primary" aria-disabled={busy || !dirty} onClick={() => dirty && void save()}>
              {t({ en: "Save", nb: "Lagre" })}
            </button>
            <button type="button" className="btn-secondary" aria-disabled={busy || !dirty} onClick={discard}>
              {t({ en: "Discard changes", nb: "Forkast endringene" })}
            </button>
            <button type="button" className="btn-secondary" aria-disabled={busy || !own} onClick={() => own && void reset()}>
              {t({ en: "Reset to the seed", nb: "Tilbakestill til startdataene" })}
            </button>
          </div>
        </div>
        <div role="status" className="text-sm">
          {message && (
            <p className={message.kind === "ok" ? "callout-ok" : "callout-error"}>
              {message.text}{" "}
              {message.run && (
                <a href={runHref} className="font-semibold underline underline-offset-2">
                  {t({ en: "Run the sequence", nb: "Kjør sekvensen" })}
                </a>
              )}
            </p>
          )}
          {unplaced.length > 0 && (
            <ul className="callout-error mt-1 list-disc pl-8">
              {unplaced.map(([path, messages]) => (
                <li key={path}>
                  <code className="font-mono wrap-anywhere">{path}</code>: <span lang="en">{messages.join(" ")}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {shown.policies.map((policy, i) => (
        <PolicySection
          key={i}
          policy={policy}
          index={i}
          roles={roles}
          actions={actions}
          attributes={attributeChoices(policy, saved.policies[i] ?? policy)}
          errors={errors}
          onChange={(p) => change(i, p)}
          onShapeChange={() => setErrors(undefined)}
        />
      ))}
      <PolicyTransfer document={shown} workspace={workspace} dirty={dirty} onImport={importDocument} />
    </div>
  );
}
