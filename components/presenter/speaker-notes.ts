import type { Text } from "../i18n/text";
import type { Step } from "../sequence/run-model";

/** What the presenter says at a step, and a question for the room: short enough to read off a projector. */
interface SpeakerNote {
  say: Text;
  ask: Text;
}

/** One note per step (-1: before anything is sent). Facts as in docs/real-systems.md §1–§5. */
export const SPEAKER_NOTES: Readonly<Record<Step, SpeakerNote>> = {
  [-1]: {
    say: {
      en: "We are the end-user system. Every arrow will be a real HTTP call between the mock services, with real Ed25519-signed tokens.",
      nb: "Vi er sluttbrukersystemet. Hver pil blir et ekte HTTP-kall mellom de simulerte tjenestene, med ekte Ed25519-signerte token.",
    },
    ask: {
      en: "Who has integrated with Altinn before, and which token did you send?",
      nb: "Hvem har integrert mot Altinn før, og hvilket token sendte dere?",
    },
  },
  0: {
    say: {
      en: "The user signs in with ID-porten (a system with Maskinporten) and gets an access token. With it, the end-user system asks Dialogporten for one dialog.",
      nb: "Brukeren logger inn med ID-porten (et system med Maskinporten) og får et tilgangstoken. Med det ber sluttbrukersystemet Dialogporten om én dialog.",
    },
    ask: {
      en: "What does the access token say about the user, and what does it not say?",
      nb: "Hva sier tilgangstokenet om brukeren, og hva sier det ikke?",
    },
  },
  1: {
    say: {
      en: "Dialogporten does not decide on its own: it sends Altinn Authorization one XACML multi-request, one question per action and attribute of the dialog.",
      nb: "Dialogporten avgjør ikke selv: den sender Altinn Autorisasjon én XACML-multiforespørsel, ett spørsmål per handling og attributt i dialogen.",
    },
    ask: {
      en: "Why one request for every action, and not one request per action?",
      nb: "Hvorfor én forespørsel for alle handlingene, og ikke én per handling?",
    },
  },
  2: {
    say: {
      en: "Authorization answers Permit or Deny to each question, in the order asked, from the service's policy and the user's roles for the party.",
      nb: "Autorisasjon svarer Permit eller Deny på hvert spørsmål, i samme rekkefølge, ut fra tjenestens policy og brukerens roller for parten.",
    },
    ask: {
      en: "Which rule of the policy do you think matched here?",
      nb: "Hvilken regel i policyen tror dere slo til her?",
    },
  },
  3: {
    say: {
      en: "Dialogporten returns the dialog with isAuthorized on each element, and a dialog token, valid for ten minutes, that lists the permitted actions in its a claim.",
      nb: "Dialogporten returnerer dialogen med isAuthorized på hvert element, og et dialogtoken som varer i ti minutter og lister de tillatte handlingene i a-claimet.",
    },
    ask: {
      en: "What happens if the user loses the role one minute from now?",
      nb: "Hva skjer hvis brukeren mister rollen om ett minutt?",
    },
  },
  4: {
    say: {
      en: "The end-user system calls the service provider with the dialog token as a Bearer token. It is another origin, so the browser sends a CORS preflight first.",
      nb: "Sluttbrukersystemet kaller tjenestetilbyderen med dialogtokenet som Bearer-token. Det er et annet opphav, så nettleseren sender først en CORS-preflight.",
    },
    ask: {
      en: "Why send the dialog token here, and not the access token?",
      nb: "Hvorfor sendes dialogtokenet hit, og ikke tilgangstokenet?",
    },
  },
  5: {
    say: {
      en: "The service provider checks the token itself: signature against Dialogporten's published keys, issuer, expiry, dialog and action. It never asks Altinn Authorization: see the counter.",
      nb: "Tjenestetilbyderen sjekker tokenet selv: signatur mot Dialogportens publiserte nøkler, utsteder, utløp, dialog og handling. Den spør aldri Altinn Autorisasjon: se telleren.",
    },
    ask: {
      en: "What do we gain by not asking Authorization again, and what do we lose?",
      nb: "Hva vinner vi på å ikke spørre Autorisasjon på nytt, og hva taper vi?",
    },
  },
  6: {
    say: {
      en: "The provider answers: the embed's content, 202 or 204 for a write action, or 401 or 403 with WWW-Authenticate when a check failed.",
      nb: "Tjenestetilbyderen svarer: innholdet i innbyggingen, 202 eller 204 for en skrivehandling, eller 401 eller 403 med WWW-Authenticate når en sjekk feilet.",
    },
    ask: {
      en: "Pick another persona or dialog: where do you expect the run to stop?",
      nb: "Velg en annen persona eller dialog: hvor tror dere kjøringen stopper?",
    },
  },
};
