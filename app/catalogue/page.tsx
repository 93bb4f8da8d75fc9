import type { Metadata } from "next";
import { connection } from "next/server";
import { CataloguePicker } from "@/components/catalogue-picker";
import { SiteNav } from "@/components/site-nav";
import { configFromEnv } from "@/lib/config";

export const metadata: Metadata = { title: "Attacks and faults · Dialog Token Sandbox" };

/** The catalogue on a page of its own: every attack and fault, run from this browser through the real flow. */
export default async function CataloguePage() {
  // Per request: the service provider's origin comes from the running server's environment, not the build's.
  await connection();
  const { serviceProviderOrigin } = configFromEnv(process.env);
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Dialog Token Sandbox: attacks and faults</h1>
        <SiteNav current="/catalogue" />
      </header>
      <p className="text-sm text-muted-strong">
        Pick an attack or a fault and run it: the end-user system (this browser) really signs in, gets a dialog token, tampers with it or
        injects the fault, and calls the service provider. The run stops where it should, and the check that caught it is marked.
      </p>
      <CataloguePicker serviceProviderOrigin={serviceProviderOrigin} />
    </main>
  );
}
