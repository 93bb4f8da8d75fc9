import type { EntryTextsNb } from "./entry-texts";

/** Norwegian texts of the attacks on how the token is carried and shaped (lib/catalogue/delivery-attacks.ts), keyed by entry id. */
export const NB_DELIVERY: Readonly<Record<string, EntryTextsNb>> = {
  "token-in-query": {
    title: "Token i spørrestrengen",
    what: "Tokenet sendes som ?access_token=… og ikke i Authorization-headeren.",
    models:
      "Klienter som legger bearer-tokener i URL-er, der logger, proxyer, nettleserhistorikk og Referer-headere tar vare på dem (RFC 6750 §2.3 fraråder det; tidlige utkast av Dialogporten tillot det).",
    lesson: "Bare Authorization: Bearer godtas; et token i en URL avvises før det i det hele tatt blir tolket.",
  },
  "token-in-cookie": {
    title: "Token i en informasjonskapsel",
    what: "Tokenet sendes som Cookie: dialog_token=… og ikke i Authorization-headeren.",
    models:
      "Klienter som lagrer tokenet i en informasjonskapsel, som nettleseren så legger ved hver forespørsel til tjenestetilbyderen – også ved cross-site request forgery.",
    lesson: "Et bearer-token sendes med vilje, i én header, av koden som mener det; informasjonskapsler sendes av nettleseren enten du mener det eller ikke.",
    notInBrowser:
      "Nettlesere lar aldri et skript sette en Cookie-header, og tjenestetilbyderen ligger på en annen origin; kjør det fra testene eller med curl.",
  },
  "two-authorization-headers": {
    title: "To Authorization-headere",
    what: 'Forespørselen har Authorization to ganger: dialogtokenet og tilgangstokenet fra ID-porten (fetch slår dem sammen til "Bearer …, Bearer …").',
    models:
      "Et klientbibliotek som legger til sin egen Authorization ved siden av appens, eller en proxy som legger til en; hvilken som vinner, varierer mellom servere (Node selv beholder bare den første av to separate linjer).",
    lesson: "Nøyaktig ett token per forespørsel (RFC 6750 §2); tvetydighet avvises, den løses aldri ved gjetting.",
  },
  "quoted-token": {
    title: "Token i anførselstegn",
    what: 'Headeren er Authorization: Bearer "eyJ…" – tokenet som en JSON-streng, med anførselstegn.',
    models: "En klient som serialiserer tokenet som en JSON-streng inn i headeren.",
    lesson: "Et bearer-token er et b64token (RFC 6750 §2.1); alt annet i headeren avvises med en presis begrunnelse.",
  },
  "token-12kb": {
    title: "Et token på 12 KB",
    what: "Et pad-claim gjør tokenet 12 KB langt – mer enn de 8 KB verifikatoren godtar, mindre enn de 16 KB en servers headere kan romme.",
    models:
      "Overdimensjonerte tokener som skal tømme minne eller CPU under tolking og signatursjekk, eller et e-claim som har vokst forbi headergrensene (Dialogporten #4365).",
    lesson: "Verifikatoren begrenser tokenets størrelse (8 KB) før noe dekodes.",
  },
  "token-64kb": {
    title: "Et token på 64 KB",
    what: "Et pad-claim gjør tokenet 64 KB langt, så Authorization-headeren alene er fire ganger det serveren godtar.",
    models:
      "Oversvømmelse av headere. Nodes HTTP-server avviser det med en naken 431 før noen rute kjører; sandkassens egen vakt svarer den samme 431 som problem+json i prosessen.",
    lesson: "Størrelsesgrenser ligger i lag: HTTP-serverens headergrense (16 KB her, 32 KB i Kestrel) kommer først, verifikatorens tokengrense deretter.",
    notInBrowser:
      "Nodes nakne 431 har ingen CORS-headere, så en nettleser som kaller tjenestetilbyderens origin, ser bare en nettverksfeil; kjør det fra testene eller med curl.",
  },
  "not-base64url": {
    title: "Bytes som ikke er base64url",
    what: "Ett tegn i payloaden blir «+», som vanlig base64 bruker og base64url ikke gjør.",
    models: "En klient eller et bibliotek som koder med vanlig base64 (+, /, =) der JWS krever base64url.",
    lesson: "Dekodingen er streng: bare base64url, uten utfylling, kanonisk – ett token har nøyaktig én skrivemåte.",
  },
  "payload-not-object": {
    title: "JSON som ikke er et objekt",
    what: "Payloaden er gyldig JSON – en liste med claimene – i stedet for et JSON-objekt.",
    models: "Tolkere som godtar hvilken som helst JSON og så leser claims fra det som kom ut (en liste, en streng, null).",
    lesson: "Claims er et JSON-objekt med typede felt; alt annet avvises før et eneste claim leses.",
  },
};
