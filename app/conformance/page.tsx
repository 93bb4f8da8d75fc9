import type { Metadata } from "next";
import { CONFORMANCE_PAGE } from "@/components/conformance/conformance-texts";
import { ConformanceRunner } from "@/components/conformance/conformance-runner";
import { serverT } from "@/components/i18n/server";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";
import { DIALOG_ID } from "@/lib/seed/dialogs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverT())(CONFORMANCE_PAGE.metaTitle) };
}

export default async function ConformancePage() {
  const t = await serverT();
  return (
    <PageShell title={t(CONFORMANCE_PAGE.title)} current="/conformance" intro={t(CONFORMANCE_PAGE.intro)}>
      <ConformanceRunner defaultTarget={`${await serviceProviderOriginNow()}/service-provider/fce/{dialogId}`} defaultDialogId={DIALOG_ID.vatReturn} />
    </PageShell>
  );
}
