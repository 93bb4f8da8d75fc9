"use client";

import { entryLinks } from "../catalogue/entry-links";
import { LinkList } from "../ui/link-list";
import { entryTexts } from "../catalogue/entry-texts";
import { useLocale, useT } from "../i18n/locale-provider";
import { withLang } from "../workspace/page-link";
import type { ArrowId, Tab } from "./diagram-model";
import type { RunData } from "./run-model";
import { Evidence, LINK, NotInBrowser } from "./catalogue-evidence";
import { expectationText, stepName } from "../catalogue/expectation";

interface BannerProps {
  /** The id the link named. */
  entryId: string;
  data: RunData | null;
  busy: boolean;
  onShow: (arrow: ArrowId, tab: Tab) => void;
}

/**
 * Where the scenario form stands in a normal run: the catalogue entry being played, what it does, what must
 * catch it, what did (with the evidence), and the lesson with where to read more.
 */
export function CatalogueBanner({ entryId, data, busy, onShow }: BannerProps) {
  const t = useT();
  const locale = useLocale();
  const c = data?.catalogue;
  const index = `/catalogue${withLang("") ? `?${withLang("")}` : ""}`;
  const frame = (children: React.ReactNode, attrs: Record<string, string> = {}) => (
    <section
      aria-label={t({ en: "Catalogue entry", nb: "Oppføring i katalogen" })}
      data-testid="catalogue-entry"
      data-entry={entryId}
      className="panel space-y-1 px-3 py-1.5 text-sm wrap-anywhere"
      {...attrs}
    >
      {children}
    </section>
  );
  if (!c)
    return frame(
      <p role="status">
        {busy
          ? t({ en: "Running “{id}” in this browser…", nb: "Kjører «{id}» i denne nettleseren …" }, { id: entryId })
          : t({ en: "Press Run all to run “{id}”.", nb: "Trykk Kjør alle for å kjøre «{id}»." }, { id: entryId })}
      </p>,
    );
  if (!c.entry) {
    return frame(
      <p className="callout-info">
        {t(
          { en: "The link names “{id}”, which is not in the catalogue (any more).", nb: "Lenken viser til «{id}», som ikke (lenger) finnes i katalogen." },
          { id: entryId },
        )}{" "}
        <a className={LINK} href={index}>
          {t({ en: "Pick an entry", nb: "Velg en oppføring" })}
        </a>
      </p>,
    );
  }
  const { entry, run } = c;
  const texts = entryTexts(entry, locale);
  const models = (
    <details className="min-w-0 self-center text-sm open:basis-full">
      <summary className="cursor-pointer font-medium">{t({ en: "What it models", nb: "Hva den etterligner" })}</summary>
      <p className="mt-1">{texts.models}</p>
    </details>
  );
  const verdict = run && {
    matches: run.matchesExpectation,
    what: run.accepted
      ? t({ en: "Accepted ({code})", nb: "Godtatt ({code})" }, { code: run.observedCode })
      : t({ en: "Caught by {code}", nb: "Fanget av {code}" }, { code: run.observedCode }) +
        (run.caughtByCheck ? ` — ${t({ en: "check", nb: "kontroll" })} ${run.caughtByCheck}` : ""),
  };
  return frame(
    <>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className={`chip ${entry.kind === "attack" ? "chip-bad" : "chip-warn"}`}>
          {entry.kind === "attack" ? t({ en: "attack", nb: "angrep" }) : t({ en: "fault", nb: "feil" })}
        </span>
        <h2 className="text-base font-bold">{texts.title}</h2>
        {verdict && (
          <p role="status" data-testid="catalogue-verdict" className={`chip ${verdict.matches ? "chip-ok" : "chip-bad"}`}>
            <span aria-hidden="true">{verdict.matches ? "✓" : "✗"}</span> {verdict.what} · {stepName(run.stoppedAt, t)}
            {verdict.matches ? "" : ` · ${t({ en: "unexpected", nb: "uventet" })}`}
          </p>
        )}
        <a className={`${LINK} ml-auto`} href={index}>
          {t({ en: "All attacks and faults", nb: "Alle angrep og feil" })}
        </a>
      </div>
      <p>
        {texts.what}{" "}
        <span className="text-muted-strong">
          {t({ en: "Expected:", nb: "Forventet:" })} {expectationText(entry, t)}.
        </span>
      </p>
      {texts.notInBrowser && <NotInBrowser entry={entry} reason={texts.notInBrowser} />}
      {run ? (
        <Evidence run={run} onShow={onShow}>
          {models}
        </Evidence>
      ) : (
        models
      )}
      <p data-testid="catalogue-lesson">
        <strong>{t({ en: "Lesson:", nb: "Lærdom:" })}</strong> {texts.lesson}{" "}
        <LinkList
          as="span"
          className="text-muted-strong"
          lead={t({ en: "Read more:", nb: "Les mer:" })}
          links={entryLinks(entry).map((l) => ({ href: l.href, label: t(l.label) }))}
          linkClassName={LINK}
          separator=", "
        />
      </p>
    </>,
    { "data-caught-by": run?.caughtBy ?? "", "data-check": run?.caughtByCheck ?? "", "data-matches": run ? String(run.matchesExpectation) : "" },
  );
}
