import type { EntryTextsNb } from "./entry-texts";

/** Norwegian texts of the attacks on who signed the token (lib/catalogue/attacks.ts), keyed by entry id. */
export const NB_SIGNING: Readonly<Record<string, EntryTextsNb>> = {
  "payload-byte-changed": {
    title: "Én byte i payloaden endret",
    what: 'Payloadens "l":3 blir "l":4 – én byte – og den opprinnelige signaturen beholdes.',
    models:
      "En bruker som har et ekte token, endrer et claim (her autentiseringsnivået, for å nå en tjeneste på nivå 4) og håper at tjenestetilbyderen bare dekoder tokenet.",
    lesson: "Signaturen dekker hver byte i header og payload. Å dekode et JWT er ikke å verifisere det.",
  },
  "signature-stripped": {
    title: "Signaturen fjernet",
    what: "Tokenet sendes som header.payload. – signaturen er kuttet bort, punktumet beholdt.",
    models: "Et token uten signatur, rettet mot verifikatorer som tolker en manglende signatur som at det ikke er noe å sjekke.",
    lesson: "En tom signatur er ikke en gyldig signatur: en Ed25519-signatur er 64 byte, og alt annet feiler signatursjekken.",
  },
  "signature-from-another-token": {
    title: "Signaturen fra et annet token",
    what: "Sluttbrukersystemet henter dialogen to ganger og sender det første tokenets header og payload med det andre tokenets signatur.",
    models: "Skjøting: en ekte signatur fra samme utsteder og nøkkel, limt på innholdet i et annet token.",
    lesson: "En signatur hører til nøyaktig én header.payload; en ekte signatur fra riktig nøkkel beviser ingenting om et annet token.",
  },
  "alg-none": {
    title: "alg: none",
    what: 'Headeren sier "alg":"none", claimene er eskalert (alle handlinger, nivå 4) og signaturen er tom.',
    models: "Det klassiske angrepet med usikrede JWT-er mot biblioteker som lar tokenet velge sin egen algoritme (CVE-2015-9235 og mange siden).",
    lesson: "Det er verifikatoren som bestemmer algoritmen, ikke tokenet: bare EdDSA godtas, uansett hva headeren sier (RFC 8725 §3.1).",
  },
  "alg-hs256-public-key": {
    title: "alg: HS256 med den offentlige nøkkelen som hemmelighet",
    what: "Angriperen henter Dialogportens offentlige JWKS og signerer eskalerte claims med HMAC-SHA256, med den offentlige nøkkelens bytes som HMAC-hemmelighet, under sandkassens kid.",
    models: "Nøkkelforveksling: en verifikator som tar alg fra headeren og gir «nøkkelen for denne kid-en» til HMAC, verifiserer med en nøkkel alle har.",
    lesson: "Knytt algoritmen til nøkkeltypen. En Ed25519-nøkkel verifiserer bare EdDSA; en offentlig nøkkel er aldri en hemmelighet.",
  },
  "alg-rs256": {
    title: "alg: RS256",
    what: "Eskalerte claims signert med RS256 av angriperens egen, nygenererte RSA-2048-nøkkel, under sandkassens kid.",
    models: "En verifikator som henter listen over algoritmer fra tokenet, eller fra et nøkkelsett som blander utstedere og nøkkeltyper.",
    lesson: "Tillat nøyaktig den algoritmen utstederen bruker (EdDSA), og avvis alle andre før du ser på noen nøkkel.",
  },
  "jwk-header": {
    title: "jwk-header har med sin egen nøkkel",
    what: "Angriperen signerer eskalerte claims med en egen Ed25519-nøkkel og legger den offentlige halvdelen av nøkkelen i headerens jwk-felt.",
    models: "Verifikatorer som stoler på en innebygd nøkkel («verifiser med nøkkelen tokenet har med seg», CVE-2018-0114 i node-jose).",
    lesson: "Nøkler kommer bare fra det konfigurerte JWKS-et. Et token som har med sin egen nøkkel, avvises uten videre (RFC 8725 §3.10).",
  },
  "jku-header": {
    title: "jku-header peker på angriperens nøkler",
    what: "Headerens jku peker på https://attacker.example/.well-known/jwks.json, som ville inneholde nøkkelen angriperen signerte med.",
    models: "Verifikatorer som henter nøkler fra en URL i tokenet – en tillitsbeslutning overlatt til angriperen, og en server-side request forgery på kjøpet.",
    lesson: "Hent aldri en nøkkel fra en URL tokenet oppgir; hvor JWKS-et ligger, er konfigurasjon (RFC 8414-metadata fra den ene utstederen du stoler på).",
  },
  "x5u-header": {
    title: "x5u-header peker på angriperens sertifikat",
    what: "Headerens x5u peker på https://attacker.example/cert.pem for nøkkelen som signerte de eskalerte claimene.",
    models: "Sertifikatvarianten av jku: verifikatorer som laster en X.509-kjede fra en URL i tokenet.",
    lesson: "jku, jwk, x5u, x5c og crit avvises; Dialogporten sender dem aldri, så det koster ingenting å avvise dem.",
  },
  "kid-missing": {
    title: "Ingen kid",
    what: "Eskalerte claims signert med angriperens egen Ed25519-nøkkel, uten kid i headeren.",
    models: "Verifikatorer som uten kid prøver alle nøkler de kjenner, eller faller tilbake på en standardnøkkel.",
    lesson: "Dialogporten oppgir alltid nøkkelen sin. Ingen kid, ingen nøkkel, intet token.",
  },
  "kid-unknown": {
    title: "Ukjent kid",
    what: "Eskalerte claims signert med angriperens egen Ed25519-nøkkel under en kid Dialogporten aldri har publisert (dp-sandbox-261129-zzzzz).",
    models: "Et forfalsket token fra en upublisert nøkkel, eller et token fra et annet miljø med nøkler denne tjenestetilbyderen ikke kjenner.",
    lesson: "En ukjent kid utløser høyst én rategrenset oppfrisking av JWKS-et (nøklene kan ha blitt rullert), og deretter avvisning.",
  },
  "attacker-key-sandbox-kid": {
    title: "Angriperens Ed25519-nøkkel under sandkassens kid",
    what: "Eskalerte claims med en helt gyldig EdDSA-signatur – laget med angriperens egen Ed25519-nøkkel – og en header som oppgir sandkassens primære kid.",
    models: "En forfalsker som kopierer headeren nøyaktig; bare nøkkelen kid-en peker på, kan avsløre det.",
    lesson: "kid velger bare hvilken publisert nøkkel det skal verifiseres med; alene beviser den ingenting.",
  },
  "access-token-instead": {
    title: "Tilgangstoken fra ID-porten sendt som dialogtoken",
    what: "Sluttbrukersystemet sender tilgangstokenet sitt fra ID-porten (et ekte, gyldig signert JWT) til tjenestetilbyderen i stedet for dialogtokenet.",
    models: "Tokenforveksling: en klient som sender det bearer-tokenet den har for hånden. Tilgangstokenet har ingen av dialogtokenets claims (c, p, s, i, a).",
    lesson: "Et dialogtoken har en fast form; et token av en annen type avvises før noen nøkkel slås opp – og utstederen ville uansett ikke vært betrodd.",
  },
};
