import { describe, expect, it } from "vitest";
import { exchangeLabel } from "./exchange-labels";

describe("exchangeLabel", () => {
  it("says the services' English call names in Norwegian, keeping names and titles as they are", () => {
    expect(exchangeLabel("Sign in as Kari Nordmann (ID-porten)", "nb")).toEqual({ text: "Logg inn som Kari Nordmann (ID-porten)", lang: "nb" });
    expect(exchangeLabel("Load the front-channel embed (retry 2)", "nb").text).toBe("Last inn front-channel-innbyggingen (forsøk 2)");
    expect(exchangeLabel('Write action "Send søknad"', "nb").text).toBe("Skrivehandlingen «Send søknad»");
    expect(exchangeLabel('Write action "Send søknad" of another dialog', "nb").text).toBe("Skrivehandlingen «Send søknad» i en annen dialog");
  });

  it("translates the action inside a legacy call's label", () => {
    expect(exchangeLabel("Load the front-channel embed (legacy: no dialog token)", "nb").text).toBe(
      "Last inn front-channel-innbyggingen (eldre løsning: uten dialogtoken)",
    );
  });

  it("keeps English in English, and marks an unknown label as English in Norwegian", () => {
    expect(exchangeLabel("Get the dialog (and its dialog token)", "en")).toEqual({ text: "Get the dialog (and its dialog token)", lang: "en" });
    expect(exchangeLabel("Something new", "nb")).toEqual({ text: "Something new", lang: "en" });
  });
});
