"use client";

import { useEffect, useState } from "react";
import type { DialogListItem } from "@/lib/altinn/dialog";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { searchDialogs, signIn } from "@/lib/end-user-system/calls";
import type { PersonaId } from "@/lib/seed/personas";
import { findPersona } from "@/lib/seed/personas";
import type { Exchange } from "@/lib/shared/trace";
import { rememberListed } from "./scenario";

/**
 * The dialog picker's list, as the portal's inbox gets it: signed in as the persona, the end-user system asks
 * Dialogporten's search for the party's dialogs in the browser's workspace, so a dialog a team created
 * appears, one the user put in the Bin says so, and a deleted one is not listed. Until the answer comes (and
 * if it never does) the form shows the seed's dialogs, so the first paint needs no call.
 */
export interface DialogList {
  state: "seed" | "listed" | "failed";
  /** The search's items, once it answered 200. */
  items?: DialogListItem[];
  /** Step 0's calls for the list: the sign-in and the search, as the end-user system made them. */
  exchanges: Exchange[];
}

const SEED: DialogList = { state: "seed", exchanges: [] };
const keyOf = (personaId: string, party: string, workspace: string | null) => `${workspace} ${personaId} ${party}`;

/** Asked again when the persona, the party or the workspace changes, or `refresh` does (a write action changed a dialog). */
export function useDialogList(personaId: PersonaId, party: string, workspace: string | null, refresh = ""): DialogList {
  const [list, setList] = useState<DialogList & { key?: string }>(SEED);
  const key = keyOf(personaId, party, workspace);
  useEffect(() => {
    const persona = findPersona(personaId);
    if (!workspace || !persona || !party) return;
    let alive = true;
    const ctx: EndUserSystemContext = { fetch: (i, init) => fetch(i, init), baseUrl: window.location.origin, trace: false, workspace };
    void (async () => {
      const login = await signIn(ctx, persona);
      const search = login.value ? await searchDialogs(ctx, login.value, party) : undefined;
      if (!alive) return;
      const exchanges = search ? [login.exchange, search.exchange] : [login.exchange];
      if (search?.value) rememberListed(search.value);
      const key = keyOf(personaId, party, workspace);
      setList(search?.value ? { state: "listed", items: search.value, exchanges, key } : { state: "failed", exchanges, key });
    })();
    return () => {
      alive = false;
    };
  }, [personaId, party, workspace, refresh]);
  // Another persona's or party's list is not this one's: the seed stands in until this one answers.
  return list.key === key ? list : SEED;
}
