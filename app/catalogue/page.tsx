import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { redirectFor } from "@/components/catalogue/catalogue-link";
import { CataloguePage } from "@/components/catalogue/catalogue-page";
import { searchOf } from "@/components/workspace/page-link";

export const metadata: Metadata = { title: "Attacks and faults · Dialog Token Sandbox" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchOf(await searchParams);
  const to = redirectFor(search);
  if (to) redirect(to);
  return <CataloguePage search={search} />;
}
