"use client";

import { useEffect, useState } from "react";
import type { Jwks } from "@/lib/altinn/dialog-token";
import type { VerificationResult } from "@/lib/service-provider/types";
import { verifyDialogToken } from "@/lib/service-provider/verify";
import { RESIGN_PATH } from "@/lib/sandbox-api/client";
import type { ExpectationForm, Json, Piece, TimeMode } from "./model";
import { applyEdits, checkTime, defaultExpectations, expectationsOf, reassemble, takeApart } from "./model";

/**
 * The workbench's state and its two network calls (the re-sign endpoint, and keys in use-keys.ts). The
 * checks run here, in the browser, with the service provider's own verifier: no key, no server round trip.
 */

export interface WorkbenchSettings {
  sandboxIssuer: string;
  skewSeconds: number;
}

/** Where the token under check came from: as loaded, edited with its old signature, or re-signed by the sandbox. */
export type Provenance = { kind: "loaded" } | { kind: "edited" } | { kind: "re-signed"; kid: string; replacedKid?: string };

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
}

export function useWorkbench(settings: WorkbenchSettings, initialToken: string) {
  const [text, setText] = useState(initialToken);
  const [piece, setPiece] = useState<Piece | null>(() => {
    const r = takeApart(initialToken);
    return r.ok ? r.piece : null;
  });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [headerEdits, setHeaderEdits] = useState<Record<string, string>>({});
  const [claimEdits, setClaimEdits] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState<string>(piece?.token ?? "");
  const [provenance, setProvenance] = useState<Provenance>({ kind: "loaded" });
  const [resignProblem, setResignProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<ExpectationForm>(() => defaultExpectations(piece?.claims ?? {}, settings.sandboxIssuer));
  const [timeMode, setTimeMode] = useState<TimeMode>("now");
  const [chosen, setChosen] = useState<number | null>(null);

  function load(raw: string) {
    setText(raw);
    const r = takeApart(raw);
    setLoadError(r.ok ? null : r.detail);
    if (!r.ok) return null;
    setPiece(r.piece);
    setHeaderEdits({});
    setClaimEdits({});
    setCurrent(r.piece.token);
    setProvenance({ kind: "loaded" });
    setResignProblem(null);
    setForm(defaultExpectations(r.piece.claims, settings.sandboxIssuer));
    return r.piece;
  }

  const edited = (): { header: Json; claims: Json } | null =>
    piece ? { header: applyEdits(piece.header, headerEdits), claims: applyEdits(piece.claims, claimEdits) } : null;

  function keepSignature() {
    const e = edited();
    if (!piece || !e) return;
    setCurrent(reassemble(piece, e.header, e.claims));
    setProvenance({ kind: "edited" });
    setResignProblem(null);
  }

  async function resign(): Promise<boolean> {
    const e = edited();
    if (!piece || !e) return false;
    setBusy(true);
    setResignProblem(null);
    try {
      const res = await fetch(RESIGN_PATH, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ token: reassemble(piece, e.header, e.claims) }),
      });
      const body = (await res.json().catch(() => null)) as {
        token?: string;
        header?: { kid?: string };
        replacedKid?: string;
        code?: string;
        detail?: string;
      } | null;
      if (!res.ok || typeof body?.token !== "string") {
        setResignProblem({ status: res.status, code: body?.code, detail: body?.detail });
        return false;
      }
      setCurrent(body.token);
      setProvenance({ kind: "re-signed", kid: body.header?.kid ?? "", ...(body.replacedKid && { replacedKid: body.replacedKid }) });
      return true;
    } catch {
      setResignProblem({ status: 0, detail: "The sandbox could not be reached." });
      return false;
    } finally {
      setBusy(false);
    }
  }

  function undo() {
    if (!piece) return;
    setHeaderEdits({});
    setClaimEdits({});
    setCurrent(piece.token);
    setProvenance({ kind: "loaded" });
    setResignProblem(null);
  }

  return {
    text,
    setText,
    load,
    loadError,
    piece,
    headerEdits,
    setHeaderEdits,
    claimEdits,
    setClaimEdits,
    current,
    provenance,
    resign,
    keepSignature,
    undo,
    resignProblem,
    busy,
    form,
    setForm,
    timeMode,
    setTimeMode,
    chosen,
    setChosen,
  };
}

/** The service provider's checks on `token`, rerun whenever the token, keys, expectations or time change. */
export function useChecks(
  token: string,
  jwks: Jwks | null,
  form: ExpectationForm,
  at: { mode: TimeMode; chosen: number | null; now: number },
  skewSeconds: number,
): VerificationResult | null {
  const [result, setResult] = useState<{ inputs: string; value: VerificationResult } | null>(null);
  const decoded = takeApart(token);
  const claims = decoded.ok ? decoded.piece.claims : {};
  const time = checkTime(at.mode, claims, at.now, at.chosen);
  // Seconds are enough: a check time that moves every render would rerun the checks in a loop.
  const second = time === null ? null : Math.floor(time / 1000);
  const inputs = JSON.stringify([token, jwks, form, skewSeconds]);
  const ready = Boolean(token && jwks && second !== null);
  useEffect(() => {
    if (!ready || !jwks || second === null) return;
    let live = true;
    void verifyDialogToken(token, { jwks, now: second * 1000, skewSeconds, expect: expectationsOf(form) }).then((value) => {
      if (live) setResult({ inputs, value });
    });
    return () => {
      live = false;
    };
    // `inputs` and `second` stand for everything the checks read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputs, second]);
  // While the clock ticks the last verdict for the same token stays up (no flicker); a verdict on another token is never shown.
  return ready && result?.inputs === inputs ? result.value : null;
}
