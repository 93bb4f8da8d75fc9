"use client";

import { useId, useState } from "react";
import { PERSONA_GRANT } from "@/lib/altinn/grants";
import { TEST_TOKEN_PATH } from "@/lib/sandbox-api/client";
import { identityProviderOf } from "@/lib/shared/services";
import { personas } from "@/lib/seed/personas";
import { useT } from "../i18n/locale-provider";

async function tokenFrom(url: string, init: RequestInit, member: "token" | "access_token"): Promise<string | null> {
  const res = await fetch(url, init).catch(() => null);
  const body = (await res?.json().catch(() => null)) as Record<string, unknown> | null;
  return res?.ok && typeof body?.[member] === "string" ? body[member] : null;
}

/**
 * Paste a token, or fetch one: the sandbox's test-token API, the real tt02 example, or a sign-in at the mock
 * ID-porten/Maskinporten for step 0's access token. `onLoad` gets the raw text (cleaned and checked by the model).
 */
export function TokenInput({
  text,
  onText,
  onLoad,
  onExample,
  error,
}: {
  text: string;
  onText: (t: string) => void;
  onLoad: (raw: string) => void;
  onExample: () => void;
  error: string | null;
}) {
  const t = useT();
  const id = useId();
  const [persona, setPersona] = useState(personas[0]!.id);
  const [failed, setFailed] = useState(false);
  const take = (token: string | null) => {
    setFailed(token === null);
    if (token) onLoad(token);
  };
  const mint = async () => take(await tokenFrom(TEST_TOKEN_PATH, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }, "token"));
  const signIn = async () => {
    const p = personas.find((x) => x.id === persona)!;
    const body = new URLSearchParams({ grant_type: PERSONA_GRANT, persona: p.id }).toString();
    take(
      await tokenFrom(
        `/${identityProviderOf(p)}/token`,
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body },
        "access_token",
      ),
    );
  };
  return (
    <form
      className="space-y-2"
      aria-label={t({ en: "Token to check", nb: "Token som skal kontrolleres" })}
      onSubmit={(e) => {
        e.preventDefault();
        onLoad(text);
      }}
    >
      <label htmlFor={`${id}-token`} className="block font-semibold">
        {t({ en: "Paste a dialog token (or an access token)", nb: "Lim inn et dialogtoken (eller et tilgangstoken)" })}
      </label>
      <textarea
        id={`${id}-token`}
        className="field h-24 w-full font-mono text-xs break-all"
        spellCheck={false}
        autoComplete="off"
        placeholder="eyJhbGciOiJFZERTQSIs…"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onText(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="callout-error">
          {t({ en: "Not a token", nb: "Ikke et token" })}: <span lang="en">{error}</span>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary">
          {t({ en: "Check this token", nb: "Kontroller dette tokenet" })}
        </button>
        <button type="button" className="btn-secondary" onClick={() => void mint()}>
          {t({ en: "A fresh sandbox token", nb: "Et nytt token fra sandkassen" })}
        </button>
        <button type="button" className="btn-secondary" onClick={onExample}>
          {t({ en: "The real tt02 token (Feb 2025)", nb: "Det ekte tt02-tokenet (feb. 2025)" })}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-persona`} className="text-sm font-semibold">
          {t({ en: "Access token of step 0 for", nb: "Tilgangstoken fra steg 0 for" })}
        </label>
        <select id={`${id}-persona`} className="field max-w-full" value={persona} onChange={(e) => setPersona(e.target.value as typeof persona)}>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.provider})
            </option>
          ))}
        </select>
        <button type="button" className="btn-secondary" onClick={() => void signIn()}>
          {t({ en: "Sign in and decode", nb: "Logg inn og dekod" })}
        </button>
      </div>
      {failed && (
        <p role="alert" className="callout-error">
          {t({ en: "The sandbox did not hand out a token.", nb: "Sandkassen ga ikke ut noe token." })}
        </p>
      )}
    </form>
  );
}
