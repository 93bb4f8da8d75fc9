"use client";

import { decodeToken } from "@/lib/service-provider/decode";
import { HEADER_GLOSSARY } from "./claims-glossary";
import { ClaimsTable, ExpiryCountdown } from "./claims-table";
import { ShortToken } from "../ui/http-text";
import { VerdictChip } from "../ui/status";
import type { VerificationResult } from "../exchange/trace-notes";
import { WorkbenchLink } from "../workbench/workbench-link";

const PART = {
  header: "text-rose-700 dark:text-rose-300",
  payload: "text-violet-700 dark:text-violet-300",
  signature: "text-sky-700 dark:text-sky-300",
};

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="section-label">{label}</figcaption>
      <pre className="code-block text-xs">{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}

function KeyLine({ kid, verification }: { kid: unknown; verification: VerificationResult | null }) {
  const kidCheck = verification?.checks.find((c) => c.code === "kid");
  const kids = Array.isArray(kidCheck?.expected) ? (kidCheck.expected as string[]) : [];
  const at = kids.indexOf(String(kid));
  return (
    <p>
      Signed with key <code className="font-mono font-semibold">{String(kid)}</code>
      {at >= 0
        ? ` — key ${at + 1} of the ${kids.length} in Dialogporten's JWKS${at === 0 ? " (the primary, the one that signs)" : ""}.`
        : " from Dialogporten's JWKS (/dialogporten/api/v1/.well-known/jwks.json)."}
    </p>
  );
}

/** The dialog token: its three parts, decoded, explained claim by claim, and seen from both sides. */
export function TokenView({ token, verification, checked }: { token: string; verification: VerificationResult | null; checked: boolean }) {
  const decoded = decodeToken(token);
  if (!decoded.ok) return <p className="callout-error">The token could not be decoded: {decoded.detail}</p>;
  const { parts, header, payload } = decoded;
  const exp = typeof payload.exp === "number" ? payload.exp : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <KeyLine kid={header.kid} verification={checked ? verification : null} />
        {exp !== undefined && <ExpiryCountdown exp={exp} />}
        <WorkbenchLink token={token} />
      </div>

      <figure>
        <figcaption className="section-label">
          Encoded: <span className={PART.header}>header</span> . <span className={PART.payload}>payload</span> .{" "}
          <span className={PART.signature}>signature</span>
        </figcaption>
        <p className="code-block font-mono text-[0.8125rem] break-all">
          <span className={PART.header} title="Header (base64url JSON)">
            {parts.header}
          </span>
          .
          <span className={PART.payload} title="Payload (base64url JSON)">
            {parts.payload}
          </span>
          .
          <span className={PART.signature} title="Ed25519 signature (64 bytes, base64url)">
            {parts.signature}
          </span>
        </p>
      </figure>

      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <section aria-labelledby="sees-sbs" className="panel-inset space-y-2">
          <h3 id="sees-sbs" className="font-semibold">
            What the end-user system sees
          </h3>
          <p className="font-mono text-[0.8125rem] break-all">
            <ShortToken token={token} />
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>An opaque string: it must not parse it or rely on what is inside.</li>
            <li>
              It sends it unchanged as <code className="font-mono">Authorization: Bearer …</code> to the service provider.
            </li>
            <li>It is valid 10 minutes; every GET of the dialog returns a new one.</li>
          </ul>
        </section>
        <section aria-labelledby="sees-sp" className="panel-inset space-y-2">
          <h3 id="sees-sp" className="font-semibold">
            What the service provider sees
          </h3>
          {checked && verification ? (
            <p>
              <VerdictChip verdict={verification.valid ? "pass" : "fail"} word={verification.valid ? "Valid" : `Refused: ${verification.failure?.failure}`} />{" "}
              checked locally against Dialogporten&apos;s JWKS in step 5.
            </p>
          ) : (
            <p className="text-sm text-muted">Not yet: the token reaches the service provider in step 4 and is checked in step 5. Decoded, it reads:</p>
          )}
          <Json value={header} label="Decoded header" />
          <Json value={payload} label="Decoded payload" />
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
            {Object.entries(HEADER_GLOSSARY).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-mono font-semibold">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section aria-labelledby="claims-h" className="space-y-2">
        <h3 id="claims-h" className="font-semibold">
          Claims, one by one
        </h3>
        <ClaimsTable claims={payload} />
      </section>
    </div>
  );
}
