import { PageShell } from "../ui/page-shell";
import { serverT } from "../i18n/server";
import { CatalogueIndex } from "./catalogue-index";

/** The catalogue page: the index of every attack and fault, each opening the sequence view on it. */
export async function CataloguePage({ search }: { search: string }) {
  const t = await serverT();
  const q = new URLSearchParams(search);
  return (
    <PageShell
      title={t({ en: "Dialog Token Sandbox: attacks and faults", nb: "Dialog Token Sandbox: angrep og feil" })}
      current="/catalogue"
      intro={t({
        en: "Open an attack or a fault to play it in the live sequence: this browser, as the end-user system, really signs in, gets a dialog token, tampers with it or injects the fault, and calls the service provider. You see the token before and after, the refused exchange and the check that caught it.",
        nb: "Åpne et angrep eller en feil for å spille det av i sekvensen live: denne nettleseren er sluttbrukersystemet, logger inn på ekte, får et dialogtoken, manipulerer det eller legger inn feilen, og kaller tjenestetilbyderen. Du ser tokenet før og etter, utvekslingen som ble avvist, og kontrollen som fanget det.",
      })}
    >
      <CatalogueIndex lang={q.get("lang") ?? undefined} at={q.get("at") ?? undefined} />
    </PageShell>
  );
}
