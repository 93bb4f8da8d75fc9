import type { Metadata } from "next";
import { serverT } from "@/components/i18n/server";
import { PageShell } from "@/components/ui/page-shell";
import { PolicyEditor } from "@/components/world/policy-editor";
import { POLICY_INTRO } from "@/components/world/policy-texts";

export const metadata: Metadata = { title: "Policies · Dialog Token Sandbox" };

export default async function PoliciesPage() {
  const t = await serverT();
  return (
    <PageShell title={t({ en: "Policies", nb: "Tilganger" })} current="/workspace" intro={t(POLICY_INTRO)} wide>
      <PolicyEditor />
    </PageShell>
  );
}
