import type { Metadata } from "next";
import { ConformanceRunner } from "@/components/conformance/conformance-runner";
import { PageShell, serviceProviderOriginNow } from "@/components/ui/page-shell";
import { DIALOG_ID } from "@/lib/seed/dialogs";

export const metadata: Metadata = { title: "Conformance · Dialog Token Sandbox" };

export default async function ConformancePage() {
  const intro =
    "Point it at your own service provider. The sandbox mints a valid token for your endpoint, checks that you accept it, then sends every catalogue attack that applies to a provider — tampered, alg and kid tricks, expired, wrong issuer, another dialog, the #4043 attribute trap, delivery mistakes — and reports each one you did not refuse with a 4xx. The same as npm run conformance.";
  return (
    <PageShell title="Dialog Token Sandbox: conformance" current="/conformance" intro={intro}>
      <ConformanceRunner defaultTarget={`${await serviceProviderOriginNow()}/service-provider/fce/{dialogId}`} defaultDialogId={DIALOG_ID.vatReturn} />
    </PageShell>
  );
}
