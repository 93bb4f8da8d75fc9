import { connection } from "next/server";
import { SequenceRunner } from "@/components/sequence-runner";
import { SiteNav } from "@/components/site-nav";
import { configFromEnv } from "@/lib/config";

export default async function Home() {
  // Rendered per request: the service provider's origin comes from the running server's environment, not the build's.
  await connection();
  const { serviceProviderOrigin } = configFromEnv(process.env);
  return (
    <main className="mx-auto flex min-h-screen max-w-[120rem] flex-col p-3 lg:h-screen lg:min-h-[44rem]">
      <SequenceRunner
        serviceProviderOrigin={serviceProviderOrigin}
        nav={<SiteNav current="/" />}
        title={
          <div className="min-w-0">
            <h1 className="text-2xl leading-tight font-bold tracking-tight">Dialog Token Sandbox</h1>
            <p className="text-sm text-muted-strong">You are the end-user system: every arrow is a real HTTP call.</p>
          </div>
        }
      />
    </main>
  );
}
