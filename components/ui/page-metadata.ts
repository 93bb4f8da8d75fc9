import type { Metadata } from "next";
import { serverT } from "../i18n/server";
import type { Text } from "../i18n/text";

const SITE = "Dialog Token Sandbox";

/**
 * A page's title and description in the reader's language (the locale proxy.ts resolved). The sequence page
 * has the site's own name; the others put theirs first, so a row of browser tabs can be told apart.
 */
export async function pageMetadata(title?: Text, description?: Text): Promise<Metadata> {
  const t = await serverT();
  return {
    title: title ? `${t(title)} · ${SITE}` : SITE,
    description: t(
      description ?? {
        en: "Watch an Altinn Dialogporten dialog token be born, carried and checked — live, over real HTTP.",
        nb: "Se et dialogtoken fra Altinn Dialogporten bli til, sendt videre og kontrollert — live, over ekte HTTP.",
      },
    ),
  };
}
