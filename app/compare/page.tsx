import type { Metadata } from "next";
import { connection } from "next/server";
import { CompareRunner } from "@/components/compare-runner";
import { SiteNav } from "@/components/site-nav";
import { configFromEnv } from "@/lib/config";

export const metadata: Metadata = { title: "Token vs legacy · Dialog Token Sandbox" };

/** The legacy comparison on a page of its own, so its code never weighs on the first load of the sequence page. */
export default async function ComparePage() {
  // Per request: the service provider's origin comes from the running server's environment, not the build's.
  await connection();
  const { serviceProviderOrigin } = configFromEnv(process.env);
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Dialog Token Sandbox: the claim, measured</h1>
        <SiteNav current="/compare" />
      </header>
      <p className="text-sm text-muted-strong">
        The same service provider twice. With a dialog token it decides alone; on the legacy path it gets the end user&apos;s access token and must ask Altinn Authorization on every
        request. The end-user system (this browser) signs in, gets the dialog once, then runs steps 4–6 both ways. The calls to Authorization are counted from the provider&apos;s own trace.
      </p>
      <CompareRunner serviceProviderOrigin={serviceProviderOrigin} />
    </main>
  );
}
