import type { EntryTextsNb } from "./entry-texts";

/** Norwegian texts of the attacks on what the token says (lib/catalogue/attacks.ts), keyed by entry id. */
export const NB_CLAIMS: Readonly<Record<string, EntryTextsNb>> = {
  "expired-token": {
    title: "Utløpt token",
    what: "Dialogportens klokke går 15 minutter for sakte når tokenet utstedes, så tokenet når tjenestetilbyderen 5 minutter etter exp – godt utenfor slingringsmonnet på 10 s.",
    models:
      "Et token som brukes på nytt etter at det er utløpt: kopiert fra en logg, en proxy-cache eller nettleserhistorikken, eller beholdt av en klient lenger enn de 10 minuttene. Sandkassen stiller utstederens klokke tilbake i stedet for å stille verifikatorens frem – en header som flyttet verifikatorens klokke, ville vært en bakdør.",
    lesson:
      "exp håndheves med et lite slingringsmonn (10 s her, 2 s i Dialogporten, 0 i Correspondence). Hent dialogen på nytt for å få et ferskt token; ta aldri vare på dialogtokener.",
  },
  "token-before-nbf": {
    title: "Token brukt før nbf",
    what: "Dialogportens klokke går 2 minutter for fort når tokenet utstedes, så nbf ligger 2 minutter inn i tjenestetilbyderens fremtid.",
    models: "Et token som brukes før det er gyldig: laget på forhånd for å brukes senere, eller av en utsteder med en klokke som går for fort.",
    lesson: "nbf er en kontroll, ikke pynt: et token som ikke er gyldig ennå, avvises på samme måte som et utløpt.",
  },
  "issuer-other-environment": {
    title: "Feil iss: et token fra et annet miljø",
    what: "Dialogporten utsteder tokenet slik testmiljøet at23 ville gjort (iss https://platform.at23.altinn.cloud/dialogporten/api/v1), signert med nøkler denne tjenestetilbyderen stoler på.",
    models:
      "Miljøer som deler nøkler – slik alle sandkasser med det offentlige seedet gjør – eller en tjenestetilbyder som laster JWKS fra flere miljøer (det offisielle eksempelet stoler på dev og tt02). Signaturen er gyldig; bare iss skiller miljøene fra hverandre (Dialogporten #3246).",
    lesson: "Sjekk iss mot det ene miljøet du betjener, også når signaturen er gyldig.",
  },
  "typ-context-token": {
    title: "typ er ikke JWT: et kontekst-token",
    what: 'Dialogporten signerer tokenet med typ "dialogcontexttoken+jwt", kontekst-tokenet per entitet fra Dialogporten #4275, med samme nøkler og utsteder.',
    models: "Forveksling mellom to typer token fra samme utsteder og samme nøkkelsett; bare den eksplisitte typen skiller dem (RFC 8725 §3.11).",
    lesson: 'Sjekk typ: et dialogtoken sier "JWT" (Dialogporten #4269); enhver annen type tilhører et annet token, uansett hvor gyldig signaturen er.',
  },
  "token-for-another-dialog": {
    title: "Token for en annen dialog",
    what: "Kari får et ekte token for skattemeldingen sin og sender det til den front-channel-innebygde visningen av mva-meldingen til Sandbox Bakeri.",
    models: "En usikker direkte objektreferanse (IDOR): et gyldig token for én dialog prøvd mot URL-en til en annen dialog.",
    lesson: "Sammenlign i med dialogen URL-en oppgir før noe leveres; et gyldig token gjelder bare for sin egen dialog.",
  },
  "action-not-in-token": {
    title: "Handlingen står ikke i a",
    what: "Systembrukeren signerer mva-meldingen: Dialogporten maskerte sign-handlingen (PDP-en sa Deny) og a er read;write, men sluttbrukersystemet kaller tjenestetilbyderen likevel.",
    models: "En klient som ignorerer isAuthorized og kaller en maskert handling med en URL den kjenner fra et annet sted.",
    lesson: "Tjenestetilbyderen autoriserer hver forespørsel selv ut fra a; isAuthorized:false i portalen er et hint, ikke en sperre.",
  },
  "bare-delete-4043": {
    title: "delete etterspurt, a har bare delete,urn:altinn:task:Task_1",
    what: "Kari sletter utkastet sitt; tokenet gir delete,urn:altinn:task:Task_1, men tjenestetilbyderen (feilen naive-action-check) ber om delete alene.",
    models:
      'Fellen fra Dialogporten #4043: et SDK-kall med requiredActions ["delete"] mot et token der delete har et task-attributt. Sandkassen spør først etter navnet alene og så etter det nøyaktige paret, så feilen kan bare avvise mer.',
    lesson: "En handling med attributt gis bare som nøyaktig det paret: be om delete,urn:altinn:task:Task_1, ikke delete.",
  },
  "level-below-service-minimum": {
    title: "l under tjenestens minimum",
    what: "Ola, innlogget på nivå 3, åpner mva-meldingen hos en tjenestetilbyder som krever nivå 4 for den (feilen require-level-4).",
    models:
      "En MinID-innlogging (nivå 3) brukt der tjenesteeieren krever BankID (nivå 4), strengere enn ressursregisterets minimum – eller et minimum som ble hevet etter at Dialogporten synkroniserte sin kopi.",
    lesson: "Sjekk l mot ditt eget minimum; Dialogporten sjekker mot sin kopi av ressursens minimum, og det trenger ikke være ditt.",
  },
  "level-below-resource-minimum": {
    title: "l under ressursens minimum (hos Dialogporten)",
    what: "Ola, innlogget på nivå 3, ber om byggesøknaden sin, der ressursen krever nivå 4.",
    models: "En bruker med for svak innlogging; Dialogporten avviser før noe token finnes.",
    lesson: "Første forsvarslinje er utstederen: det lages ikke noe token for en innlogging under ressursens minimum.",
  },
};
