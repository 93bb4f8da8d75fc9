"use client";

import { useEffect, useState } from "react";
import type { Jwks } from "@/lib/altinn/dialog-token";
import type { Text } from "../i18n/text";
import { parseJwks } from "./model";

/**
 * Where the public keys come from. The sandbox's own JWKS is same-origin. Another JWKS URL goes through the
 * sandbox's conformance relay, because the page's CSP lets the browser call only its own origins; the relay
 * calls only the origins SANDBOX_RELAY_ORIGINS allows, with its timeout and size cap, and says so when it
 * refuses. A JWKS file (pasted or uploaded) always works, offline too.
 */

export type KeySource = "sandbox" | "url" | "file";

export const SANDBOX_JWKS_PATH = "/dialogporten/api/v1/.well-known/jwks.json";
const RELAY_PATH = "/sandbox/api/v1/conformance/relay";

interface KeyError {
  text: Text;
  /** The service's own words (English), when it gave some. */
  detail?: string;
  code?: string;
}

const NOT_JWKS: Text = { en: "This is not a JWKS document", nb: "Dette er ikke et JWKS-dokument" };

export function useKeys(initial: KeySource) {
  const [source, setSource] = useState<KeySource>(initial);
  const [url, setUrl] = useState("");
  const [text, setText] = useState("");
  const [fetched, setFetched] = useState<{ sandbox: Jwks | null; url: Jwks | null }>({ sandbox: null, url: null });
  // Tagged with the source it belongs to, so switching sources never shows another source's failure.
  const [error, setError] = useState<(KeyError & { source: KeySource }) | null>(null);

  useEffect(() => {
    if (source !== "sandbox" || fetched.sandbox) return;
    let live = true;
    fetch(SANDBOX_JWKS_PATH, { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((body) => {
        const parsed = parseJwks(body);
        if (live && parsed.ok) setFetched((f) => ({ ...f, sandbox: parsed.jwks }));
      })
      .catch(
        () => live && setError({ source: "sandbox", text: { en: "The sandbox's JWKS could not be fetched.", nb: "Sandkassens JWKS kunne ikke hentes." } }),
      );
    return () => {
      live = false;
    };
  }, [source, fetched.sandbox]);

  async function fetchUrl() {
    setError(null);
    setFetched((f) => ({ ...f, url: null }));
    const res = await fetch(RELAY_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: url.trim(), method: "GET", headers: [["accept", "application/json"]] }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { status?: number; body?: string; code?: string; detail?: string } | null;
    if (!res?.ok || !body) {
      setError({
        source: "url",
        text: { en: "The sandbox's relay did not fetch it.", nb: "Sandkassens relé hentet den ikke." },
        detail: body?.detail,
        code: body?.code,
      });
      return;
    }
    const parsed = body.status === 200 && typeof body.body === "string" ? parseJwks(body.body) : null;
    if (!parsed?.ok) {
      setError({ source: "url", text: NOT_JWKS, detail: parsed ? parsed.detail : `HTTP ${body.status}` });
      return;
    }
    setFetched((f) => ({ ...f, url: parsed.jwks }));
  }

  const fromFile = text.trim() === "" ? null : parseJwks(text);
  const jwks = source === "sandbox" ? fetched.sandbox : source === "url" ? fetched.url : fromFile?.ok ? fromFile.jwks : null;
  const fileError: KeyError | null = source === "file" && fromFile && !fromFile.ok ? { text: NOT_JWKS, detail: fromFile.detail } : null;

  return { source, setSource, url, setUrl, fetchUrl, text, setText, jwks, error: source === "file" ? fileError : error?.source === source ? error : null };
}
