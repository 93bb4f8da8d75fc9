import type { Metadata } from "next";
import { CataloguePicker } from "@/components/catalogue/catalogue-picker";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";

export const metadata: Metadata = { title: "Attacks and faults · Dialog Token Sandbox" };

export default async function CataloguePage() {
  const intro =
    "Pick an attack or a fault and run it: the end-user system (this browser) really signs in, gets a dialog token, tampers with it or injects the fault, and calls the service provider. The run stops where it should, and the check that caught it is marked.";
  return (
    <PageShell title="Dialog Token Sandbox: attacks and faults" current="/catalogue" intro={intro}>
      <CataloguePicker serviceProviderOrigin={await serviceProviderOriginNow()} />
    </PageShell>
  );
}
