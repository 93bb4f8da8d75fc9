import type { Metadata } from "next";
import { parseCompareLink } from "@/components/compare/compare-link";
import { CompareRunner } from "@/components/compare/compare-runner";
import { COMPARE_PAGE } from "@/components/compare/compare-texts";
import { serverT } from "@/components/i18n/server";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";
import { searchOf } from "@/components/workspace/page-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverT())(COMPARE_PAGE.metaTitle) };
}

// Its own page, so the comparison's code never weighs on the first load of the sequence page.
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await serverT();
  return (
    <PageShell title={t(COMPARE_PAGE.title)} current="/compare" intro={t(COMPARE_PAGE.intro)} wide>
      <CompareRunner serviceProviderOrigin={await serviceProviderOriginNow()} link={parseCompareLink(searchOf(await searchParams))} />
    </PageShell>
  );
}
