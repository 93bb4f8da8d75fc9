import { serverT } from "@/components/i18n/server";
import { serviceProviderOriginNow } from "@/components/ui/page-shell";
import { SequenceRunner } from "@/components/sequence/sequence-runner";
import { SiteNav } from "@/components/ui/site-nav";

export default async function Home() {
  const serviceProviderOrigin = await serviceProviderOriginNow();
  const t = await serverT();
  return (
    <main className="mx-auto flex min-h-screen max-w-[120rem] flex-col p-3 lg:h-screen lg:min-h-[44rem] lg:py-2">
      <SequenceRunner
        serviceProviderOrigin={serviceProviderOrigin}
        nav={<SiteNav current="/" vertical />}
        title={
          <div className="min-w-0 shrink lg:w-[13.5rem] lg:shrink-0 2xl:w-auto">
            <h1 className="text-xl leading-tight font-bold tracking-tight lg:text-lg 2xl:text-xl">Dialog Token Sandbox</h1>
            <p className="max-w-[15rem] text-sm leading-snug text-muted-strong lg:text-xs lg:leading-tight 2xl:max-w-[16rem] 2xl:text-sm">
              {t({ en: "You are the end-user system: every arrow is a real HTTP call.", nb: "Du er sluttbrukersystemet: hver pil er et ekte HTTP-kall." })}
            </p>
          </div>
        }
      />
    </main>
  );
}
