import type { Metadata } from "next";
import { parseCatalogueLink } from "@/components/catalogue/catalogue-link";
import { CataloguePicker } from "@/components/catalogue/catalogue-picker";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";
import { searchOf } from "@/components/workspace/page-link";

export const metadata: Metadata = { title: "Attacks and faults · Dialog Token Sandbox" };

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const intro =
    "Pick an attack or a fault and run it: the end-user system (this browser) really signs in, gets a dialog token, tampers with it or injects the fault, and calls the service provider. The run stops where it should, and the check that caught it is marked.";
  return (
    <PageShell title="Dialog Token Sandbox: attacks and faults" current="/catalogue" intro={intro}>
      <CataloguePicker serviceProviderOrigin={await serviceProviderOriginNow()} link={parseCatalogueLink(searchOf(await searchParams))} />
    </PageShell>
  );
}
