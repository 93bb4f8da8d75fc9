import type { Metadata } from "next";
import { parseCompareLink } from "@/components/compare/compare-link";
import { CompareRunner } from "@/components/compare/compare-runner";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";
import { searchOf } from "@/components/workspace/page-link";

export const metadata: Metadata = { title: "Token vs legacy · Dialog Token Sandbox" };

// Its own page, so the comparison's code never weighs on the first load of the sequence page.
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const intro =
    "The same service provider twice. With a dialog token it decides alone; on the legacy path it gets the end user's access token and must ask Altinn Authorization on every request. The end-user system (this browser) signs in, gets the dialog once, then runs steps 4–6 both ways. The calls to Authorization are counted from the provider's own trace.";
  return (
    <PageShell title="Dialog Token Sandbox: the claim, measured" current="/compare" intro={intro} wide>
      <CompareRunner serviceProviderOrigin={await serviceProviderOriginNow()} link={parseCompareLink(searchOf(await searchParams))} />
    </PageShell>
  );
}
