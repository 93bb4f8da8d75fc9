import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { API_PAGE } from "@/components/api-reference/api-texts";
import { serverT } from "@/components/i18n/server";
import { PageShell, sandboxOriginNow } from "@/components/ui/page-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverT())(API_PAGE.metaTitle) };
}

export default async function ApiReferencePage() {
  const t = await serverT();
  return (
    <PageShell title={t(API_PAGE.title)} current="/api-reference" intro={t(API_PAGE.intro)}>
      <ApiReference origin={await sandboxOriginNow()} />
    </PageShell>
  );
}
