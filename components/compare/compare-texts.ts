import type { Text } from "../i18n/text";

export const COMPARE_PAGE = {
  metaTitle: { en: "Token vs legacy · Dialog Token Sandbox", nb: "Token mot gammel løsning · Dialog Token Sandbox" },
  title: { en: "Dialog Token Sandbox: the claim, measured", nb: "Dialog Token Sandbox: påstanden, målt" },
  intro: {
    en: "The same service provider twice. With a dialog token it decides alone; on the legacy path it gets the end user's access token and must ask Altinn Authorization on every request. The end-user system (this browser) signs in, gets the dialog once, then runs steps 4–6 both ways. The calls to Authorization are counted from the provider's own trace.",
    nb: "Den samme tjenestetilbyderen to ganger. Med et dialogtoken avgjør den alene; på den gamle veien får den sluttbrukerens tilgangstoken og må spørre Altinn Autorisasjon ved hver forespørsel. Sluttbrukersystemet (denne nettleseren) logger inn, henter dialogen én gang og kjører så steg 4–6 begge veier. Kallene til Autorisasjon telles i tjenestetilbyderens eget spor.",
  },
} satisfies Record<string, Text>;
