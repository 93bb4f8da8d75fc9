import type { ReactNode } from "react";
import { connection } from "next/server";
import { configFromEnv } from "@/lib/config";
import { SiteNav } from "./site-nav";

/**
 * The service provider's origin for this request. Pages render per request because the origin comes
 * from the running server's environment, not the build's.
 */
export async function serviceProviderOriginNow(): Promise<string> {
  await connection();
  return configFromEnv(process.env).serviceProviderOrigin;
}

/** The sandbox's public origin for this request (the issuer's and the sandbox API's), read like the one above. */
export async function sandboxOriginNow(): Promise<string> {
  await connection();
  return configFromEnv(process.env).origin;
}

/** Title, navigation and an introduction around one tool: the frame of every page but the sequence. */
export function PageShell({
  title,
  current,
  intro,
  wide,
  children,
}: {
  title: string;
  current: "/compare" | "/catalogue" | "/conformance" | "/api-reference" | "/workbench" | "/workspace";
  intro: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main className={`mx-auto space-y-4 p-4 ${wide ? "max-w-6xl" : "max-w-4xl"}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <SiteNav current={current} />
      </header>
      <p className="text-sm text-muted-strong">{intro}</p>
      {children}
    </main>
  );
}
