"use client";

import type { ReactNode } from "react";
import { useT } from "../i18n/locale-provider";
import { withPolicies } from "../sequence/run-link";
import { withLang } from "../workspace/page-link";
import { useWorkspacePolicies } from "./policy-client";

/** The policy editor's address in the reader's language. */
export function policiesHref(search?: string): string {
  const lang = withLang("", search);
  return `/workspace/policies${lang ? `?${lang}` : ""}`;
}

function TooBig() {
  const t = useT();
  return (
    <>
      {t({
        en: "Link copied without your policies: they are too big to travel in a link. Export them on the ",
        nb: "Lenken er kopiert uten tilgangsreglene dine: de er for store til å følge med i en lenke. Eksporter dem på siden ",
      })}
      <a href={policiesHref()} className="font-semibold underline underline-offset-2">
        {t({ en: "Policies", nb: "Tilganger" })}
      </a>
      {t({ en: " page and send the file along.", nb: " og send filen med." })}
    </>
  );
}

/**
 * The sequence page's Copy link: the page's address plus the workspace's own policies when they fit
 * (run-link.ts), so the receiver's run decides as the sender's did; a note when they do not fit.
 */
export function usePolicyLink(workspace: string | null): { link: () => string; note: () => ReactNode | null } {
  const state = useWorkspacePolicies(workspace);
  const encoded = state?.status === "ready" ? state.encoded : null;
  const carried = () => (encoded ? withPolicies(window.location.href, encoded) : window.location.href);
  return {
    link: () => carried() ?? window.location.href,
    note: () => (carried() === null ? <TooBig /> : null),
  };
}
