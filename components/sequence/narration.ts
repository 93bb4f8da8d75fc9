import { parseActions, formatAction } from "@/lib/altinn/dialog-token";
import type { RunData, Step } from "./run-model";
import { followUpOf } from "./follow-up";
import { isFinished } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { decodeChoice, partyName, personaOf, titleOf } from "../scenario/scenario";
import { knownDialog } from "../scenario/choices";
import { authorizeExchange, dialogportenNotes, errorCode, serviceProviderNotes } from "../exchange/trace-notes";
import type { Locale } from "../i18n/locale";
import { exchangeLabel } from "../exchange/exchange-labels";
import { personaSummary } from "../scenario/persona-texts";
import { fill, type Text } from "../i18n/text";

type T = (text: Text, values?: Record<string, string | number>) => string;

const statusWith = (t: T) => (r: { status: number; statusText: string } | null | undefined) =>
  r ? `${r.status} ${r.statusText}`.trim() : t({ en: "no answer", nb: "intet svar" });

/**
 * A GUI action's `prompt`: the portal asks the user to confirm before it sends the request (docs/real-systems.md
 * §6.2), so the end-user system says it before step 4. The text comes from the dialog Dialogporten returned, in the
 * reader's language when the dialog has it.
 */
function promptBefore(data: RunData, locale: Locale): string | undefined {
  const choice = decodeChoice(data.scenario.action);
  if (choice.kind !== "gui" || end(data)) return undefined;
  const prompt = data.dialog?.guiActions.find((g) => g.id === choice.actionId)?.prompt;
  return prompt?.find((l) => l.languageCode === locale)?.value ?? prompt?.[0]?.value;
}

const end = (data: RunData) => !data.dialog?.dialogToken || data.actionMissing === true;

/** What just happened, in one or two sentences: shown under the diagram and announced to screen readers. */
export function narrate(data: RunData | null, step: Step, scenario: Scenario, locale: Locale = "en"): string {
  const t: T = (text, values = {}) => fill(text, locale, values);
  const status = statusWith(t);
  if (!data || step < 0) {
    const p = personaOf(scenario);
    return t(
      {
        en: "Ready: {name}. {summary} Press Run all or Next step; nothing has been sent yet.",
        nb: "Klar: {name}. {summary} Trykk Kjør alle eller Neste steg; ingenting er sendt ennå.",
      },
      { name: p.name, summary: personaSummary(p, locale) },
    );
  }
  const persona = personaOf(data.scenario);
  const dialog = knownDialog(data.scenario.dialogId);
  const dp = data.dialogExchange;
  const notes = dialogportenNotes(dp);
  const sp = data.spExchange;
  const end = isFinished(data, step);
  switch (step) {
    case 0:
      return data.accessToken
        ? t(
            {
              en: "Step 0: signed in as {name} at {provider} ({status}). With that access token, the end-user system asks Dialogporten for “{title}”.",
              nb: "Steg 0: logget inn som {name} hos {provider} ({status}). Med det tilgangstokenet ber sluttbrukersystemet Dialogporten om «{title}».",
            },
            { name: persona.name, provider: persona.provider, status: status(data.signIn?.response), title: titleOf(data.scenario.dialogId) },
          )
        : t(
            { en: "Step 0: sign-in failed ({status}). The run stops here.", nb: "Steg 0: innloggingen feilet ({status}). Kjøringen stopper her." },
            { status: status(data.signIn?.response) },
          );
    case 1: {
      const n = notes.candidates?.length ?? 0;
      return t(
        {
          en: "Step 1: Dialogporten checked the access token, then asked Altinn Authorization about {n} (action, attribute) {pairs} of this dialog, for {party}, in one XACML multi-request.",
          nb: "Steg 1: Dialogporten kontrollerte tilgangstokenet og spurte så Altinn Autorisasjon om {n} (handling, attributt)-{pairs} i denne dialogen, for {party}, i én XACML-multiforespørsel.",
        },
        { n, pairs: n === 1 ? t({ en: "pair", nb: "par" }) : t({ en: "pairs", nb: "par" }), party: partyName(dialog?.party ?? "") },
      );
    }
    case 2: {
      const decisions = notes.decisions ?? [];
      const permits = decisions.filter((d) => d.decision === "Permit").length;
      return t(
        {
          en: "Step 2: Altinn Authorization answered {status} with {n} decisions: {permits} Permit, {others} not.",
          nb: "Steg 2: Altinn Autorisasjon svarte {status} med {n} avgjørelser: {permits} Permit, {others} ikke.",
        },
        { status: status(authorizeExchange(dp)?.response), n: decisions.length, permits, others: decisions.length - permits },
      );
    }
    case 3: {
      if (!data.dialog?.dialogToken)
        return t(
          {
            en: "Step 3: Dialogporten answered {status}{code}. No dialog token, so there is nothing to show the service provider: the run stops here.",
            nb: "Steg 3: Dialogporten svarte {status}{code}. Ingen dialogtoken, så det er ingenting å vise tjenestetilbyderen: kjøringen stopper her.",
          },
          { status: status(dp?.response), code: errorCode(dp) ? ` (${errorCode(dp)})` : "" },
        );
      const a = String(notes.token?.claims.a ?? "");
      const entries = parseActions(a).map(formatAction);
      // A task-bound action leaves the dialog when the provider moves the process on (docs/fidelity.md).
      if (data.actionMissing)
        return t(
          {
            en: "Step 3: Dialogporten answered {status} with the dialog and its token, but the chosen action is not in it (its task may be over): nothing to call, the run stops here.",
            nb: "Steg 3: Dialogporten svarte {status} med dialogen og tokenet, men den valgte handlingen finnes ikke i den (oppgaven kan være over): ingenting å kalle, kjøringen stopper her.",
          },
          { status: status(dp?.response) },
        );
      const prompt = promptBefore(data, locale);
      // A prompt must be read before step 4; the narration stays short, so the dialog's summary gives way to it.
      if (prompt)
        return t(
          {
            en: "Step 3: Dialogporten answered {status} with the dialog and its token. Before step 4 the portal asks the user to confirm: “{prompt}”",
            nb: "Steg 3: Dialogporten svarte {status} med dialogen og tokenet. Før steg 4 ber portalen brukeren bekrefte: «{prompt}»",
          },
          { status: status(dp?.response), prompt },
        );
      return t(
        {
          en: "Step 3: Dialogporten answered {status}: the dialog, with isAuthorized on each action, and a fresh 10-minute dialog token granting {n} {actions} in a.",
          nb: "Steg 3: Dialogporten svarte {status}: dialogen, med isAuthorized på hver handling, og et nytt dialogtoken for 10 minutter som gir {n} {actions} i a.",
        },
        {
          status: status(dp?.response),
          n: entries.length,
          actions: entries.length === 1 ? t({ en: "action", nb: "handling" }) : t({ en: "actions", nb: "handlinger" }),
        },
      );
    }
    case 4: {
      if (!sp) return t({ en: "Step 4: no call was made.", nb: "Steg 4: ingen kall ble gjort." });
      const masked = data.action?.masked
        ? t({
            en: " Dialogporten masked this URL (not authorized); the sandbox calls it anyway.",
            nb: " Dialogporten maskerte denne URL-en (ikke autorisert); sandkassen kaller den likevel.",
          })
        : "";
      return t(
        {
          en: "Step 4: {action} ({method}) at the service provider, with the dialog token as Bearer.{masked}",
          nb: "Steg 4: {action} ({method}) hos tjenestetilbyderen, med dialogtokenet som Bearer.{masked}",
        },
        { action: data.action ? exchangeLabel(data.action.label, locale).text : t({ en: "the action", nb: "handlingen" }), method: sp.request.method, masked },
      );
    }
    case 5: {
      const n = serviceProviderNotes(sp);
      const v = n.verification;
      const keys =
        n.keySource === "network"
          ? n.keyFetch === "unknown_kid"
            ? t({
                en: "Unknown kid: the provider fetched Dialogporten's JWKS once more.",
                nb: "Ukjent kid: tjenestetilbyderen hentet Dialogportens JWKS én gang til.",
              })
            : t({ en: "Keys fetched from Dialogporten (cache miss).", nb: "Nøklene ble hentet fra Dialogporten (ikke i hurtigbufferen)." })
          : n.keySource === "cache"
            ? t({ en: "Keys from its cache.", nb: "Nøklene kom fra hurtigbufferen." })
            : "";
      if (!v)
        return t(
          {
            en: "Step 5: the service provider made no verification ({status}). {keys}",
            nb: "Steg 5: tjenestetilbyderen gjorde ingen validering ({status}). {keys}",
          },
          { status: status(sp?.response), keys },
        );
      const verdict = v.valid
        ? t({ en: "all {n} checks passed", nb: "alle {n} kontroller besto" }, { n: v.checks.filter((c) => !c.skipped).length })
        : t({ en: "check “{code}” failed: {why}", nb: "kontrollen «{code}» feilet: {why}" }, { code: v.failure?.code ?? "", why: v.failure?.failure ?? "" });
      return t(
        {
          en: "Step 5: the service provider checked the token itself: {verdict}. {keys} No call to Altinn Authorization.",
          nb: "Steg 5: tjenestetilbyderen kontrollerte tokenet selv: {verdict}. {keys} Ingen kall til Altinn Autorisasjon.",
        },
        { verdict, keys },
      );
    }
    case 6:
      return t(
        { en: "Step 6: the service provider answered {status}{code}.{after}{end}", nb: "Steg 6: tjenestetilbyderen svarte {status}{code}.{after}{end}" },
        {
          status: status(sp?.response),
          code: errorCode(sp) ? ` (${errorCode(sp)})` : "",
          after: afterStep6(data, t),
          end: end ? t({ en: " The run is complete.", nb: " Kjøringen er ferdig." }) : "",
        },
      );
    default:
      return "";
  }
}

/** What the end-user system made of step 6: the embed it checked, or the dialog it fetched again after a write. */
function afterStep6(data: RunData, t: T): string {
  const embed = data.embed;
  if (embed) {
    const tries = embed.attempts.length > 1 ? t({ en: " It took {n} attempts.", nb: " Det tok {n} forsøk." }, { n: embed.attempts.length }) : "";
    const r = embed.result;
    const what =
      r.kind === "markdown"
        ? t({
            en: " The end-user system checked it (Content-Type, size) and rendered the markdown with allow-listed tags only.",
            nb: " Sluttbrukersystemet kontrollerte det (Content-Type, størrelse) og viste markdownen med bare tillatte tagger.",
          })
        : r.kind === "html"
          ? t({
              en: " It was legacy HTML: the end-user system checked it and rendered allow-listed tags only, dropping the rest.",
              nb: " Det var eldre HTML: sluttbrukersystemet kontrollerte det og viste bare tillatte tagger, resten ble fjernet.",
            })
          : r.kind === "refused"
            ? t({ en: " The end-user system refused it: {code}.", nb: " Sluttbrukersystemet avviste det: {code}." }, { code: r.code })
            : r.kind === "empty"
              ? t({ en: " Nothing to show.", nb: " Ingenting å vise." })
              : "";
    return tries + what;
  }
  const mode = followUpOf(data.action?.method, data.spExchange);
  const after = data.after;
  if (!mode)
    return errorCode(data.spExchange) === "dialog_not_in_task"
      ? t({
          en: " The dialog is not in the task this action belongs to; nothing changed.",
          nb: " Dialogen er ikke i oppgaven denne handlingen hører til; ingenting ble endret.",
        })
      : "";
  if (!after)
    return mode === "poll"
      ? t({ en: " The change is queued: next, poll the dialog until it changes.", nb: " Endringen står i kø: nå spør vi etter dialogen til den endres." })
      : t({ en: " The dialog was updated: next, fetch it again.", nb: " Dialogen ble oppdatert: nå hentes den på nytt." });
  const n = after.fetches.length;
  const gets = n === 1 ? "1 GET" : t({ en: "{n} GETs", nb: "{n} GET-er" }, { n });
  if (after.state === "fetching")
    return t({ en: " Polling the dialog: {gets}, no new revision yet.", nb: " Spør etter dialogen: {gets}, ingen ny revisjon ennå." }, { gets });
  // The Changes tab has the details; the narration box holds three lines.
  if (after.state === "gave-up")
    return t({
      en: " No new revision within 10 s: the end-user system gives up and shows a generic error.",
      nb: " Ingen ny revisjon innen 10 s: sluttbrukersystemet gir opp og viser en generell feil.",
    });
  if (after.state === "unchanged") return t({ en: " Fetched again: the revision is the same.", nb: " Hentet på nytt: revisjonen er den samme." });
  if (after.state !== "changed" || !after.dialog || !data.dialog) return t({ en: " Fetching the dialog again failed.", nb: " Ny henting av dialogen feilet." });
  // Kept to what a sentence needs (the Changes tab has the full comparison), so this module stays small.
  const known = new Set(data.dialog.activities.map((a) => a.id));
  const added = after.dialog.activities.filter((a) => !known.has(a.id)).map((a) => a.type);
  const polls = after.mode === "poll" ? ` (${gets})` : "";
  const [was, is] = [data.dialog.status, after.dialog.status];
  return t(
    {
      en: " Fetched again{polls}: new revision, status {status}, new activity {added}, new dialog token.",
      nb: " Hentet på nytt{polls}: ny revisjon, status {status}, ny aktivitet {added}, nytt dialogtoken.",
    },
    {
      polls,
      status: was === is ? t({ en: "still {is}", nb: "fortsatt {is}" }, { is }) : `${was} → ${is}`,
      added: added.join(", ") || t({ en: "none", nb: "ingen" }),
    },
  );
}
