import type { Metadata } from "next";
import { serverT } from "@/components/i18n/server";
import { PageShell } from "@/components/ui/page-shell";
import { WORLD_INTRO } from "@/components/world/world-texts";
import { WorldPage } from "@/components/world/world-page";

export const metadata: Metadata = { title: "Time and keys · Dialog Token Sandbox" };

export default async function WorkspacePage() {
  const t = await serverT();
  return (
    <PageShell title={t({ en: "Your workspace: time and keys", nb: "Ditt arbeidsområde: tid og nøkler" })} current="/workspace" intro={t(WORLD_INTRO)} wide>
      <WorldPage />
    </PageShell>
  );
}
