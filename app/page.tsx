import { serviceProviderOriginNow } from "@/components/ui/page-shell";
import { SequenceRunner } from "@/components/sequence/sequence-runner";
import { SiteNav } from "@/components/ui/site-nav";

export default async function Home() {
  const serviceProviderOrigin = await serviceProviderOriginNow();
  return (
    <main className="mx-auto flex min-h-screen max-w-[120rem] flex-col p-3 lg:h-screen lg:min-h-[44rem]">
      <SequenceRunner
        serviceProviderOrigin={serviceProviderOrigin}
        nav={<SiteNav current="/" />}
        title={
          <div className="min-w-0">
            <h1 className="text-2xl leading-tight font-bold tracking-tight">Dialog Token Sandbox</h1>
            <p className="max-w-[20rem] text-sm text-muted-strong">You are the end-user system: every arrow is a real HTTP call.</p>
          </div>
        }
      />
    </main>
  );
}
