import type { Metadata } from "next";
import { serverT } from "@/components/i18n/server";
import { PageShell } from "@/components/ui/page-shell";
import { searchOf } from "@/components/workspace/page-link";
import { WORKBENCH_INTRO, workbenchSettingsNow } from "@/components/workbench/settings";
import { Workbench } from "@/components/workbench/workbench";

export const metadata: Metadata = { title: "Token workbench · Dialog Token Sandbox" };

// `?token=` opens the workbench on a token, e.g. the current run's from the sequence page.
export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await serverT();
  const token = new URLSearchParams(searchOf(await searchParams)).get("token") ?? "";
  return (
    <PageShell title={t({ en: "Token workbench", nb: "Tokenverksted" })} current="/workbench" intro={t(WORKBENCH_INTRO)} wide>
      <Workbench settings={await workbenchSettingsNow()} initialToken={token} />
    </PageShell>
  );
}
