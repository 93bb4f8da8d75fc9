import type { EntryTextsNb } from "./entry-texts";

/** Norwegian texts of the faults (lib/catalogue/faults.ts), keyed by entry id. */
export const NB_FAULTS: Readonly<Record<string, EntryTextsNb>> = {
  "pdp-down": {
    title: "Altinn Autorisasjon er nede",
    what: "Dialogporten sender beslutningsforespørselen sin til en adresse der ingen lytter (feilen pdp-down): tilkoblingen avvises.",
    models: "Et utfall i PDP-en eller i nettverket mellom Dialogporten og Altinn Autorisasjon.",
    lesson: "Feil lukket: ingen beslutning, intet token – en 502 Bad gateway, slik den ekte Dialogporten svarer, aldri et token med handlinger i.",
  },
  "pdp-truncated": {
    title: "Altinn Autorisasjon svarer med færre resultater enn det ble spurt om",
    what: "Altinn Autorisasjon svarer bare på den første av Karis fire beslutninger (feilen pdp-truncate); den for read på hovedressursen mangler.",
    models:
      "En feil i PDP-en eller en gateway som dropper resultater fra en multi-forespørsel. Dialogporten kobler resultatene etter posisjon, og et manglende resultat teller som ikke tillatt.",
    lesson:
      "En manglende beslutning er en Deny. Den ene Permit som er igjen (delete i Task_1) viser likevel dialogen (listeautorisasjon), så Kari får den med et token som bare har det paret – og tjenestetilbyderen avviser lesingen.",
  },
  "pdp-garbage": {
    title: "Altinn Autorisasjon svarer med søppel",
    what: "Altinn Autorisasjon svarer 200 med en HTML-side om vedlikehold i stedet for XACML-JSON (feilen pdp-garbage).",
    models: "En gateway eller lastbalanserer som svarer med en 200-side på vegne av en syk PDP.",
    lesson: "En 200 er ikke en beslutning. Alt som ikke er et XACML-svar, feiler lukket: 502, intet token.",
  },
  "jwks-down-warm-cache": {
    title: "JWKS-endepunktet er nede, varm cache",
    what: "Etter ett rent kall (cachen er varm) må tjenestetilbyderen oppfriske nøklene sine mens Dialogportens JWKS svarer 503 (feilen jwks-down).",
    models: "Et vedlikeholdsvindu eller utfall i Dialogporten mens en tjenestetilbyder er i drift.",
    lesson:
      "En verifikator som har nøkler, fortsetter å verifisere med dem (utdaterte, men publiserte) mens JWKS-et er nede; tokenene kontrolleres fortsatt fullt ut.",
  },
  "jwks-down-cold-cache": {
    title: "JWKS-endepunktet er nede, kald cache",
    what: "Tjenestetilbyderen har ingen nøkler i cachen (en fersk oppstart) og Dialogportens JWKS svarer 503 (feilen jwks-cold).",
    models: "En tjenestetilbyder som starter opp under et utfall i Dialogporten.",
    lesson: "Ingen nøkler, ingen verifisering, ingen tilgang: feil lukket med 503 og si hvorfor, hopp aldri over signatursjekken.",
  },
  "clock-skew-beyond-leeway": {
    title: "Klokkeavvik utover slingringsmonnet",
    what: "Dialogportens klokke går 30 s foran tjenestetilbyderens; tjenestetilbyderen tillater 10 s, så et ferskt token er ikke gyldig ennå.",
    models: "Servere uten tidssynkronisering (i Dialogporten #3304 førte små avvik til feil); symptomet er et token som avvises rett etter at det ble utstedt.",
    lesson: "Hold klokkene synkronisert; slingringsmonnet dekker sekunder med avvik, ikke en feilkonfigurert server.",
  },
};
