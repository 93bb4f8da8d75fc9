import { connection } from "next/server";
import { configFromEnv, issuerOf } from "@/lib/config";
import type { Text } from "../i18n/text";
import type { WorkbenchSettings } from "./use-workbench";

/** The running server's issuer and clock skew (not the build's), so the checks match its service provider. */
export async function workbenchSettingsNow(): Promise<WorkbenchSettings> {
  await connection();
  const config = configFromEnv(process.env);
  return { sandboxIssuer: issuerOf(config), skewSeconds: config.clockSkewSeconds };
}

export const WORKBENCH_INTRO: Text = {
  en: "Paste a dialog token — this sandbox's, or a real one from Dialogporten with its JWKS — and see every check a service provider makes in step 5, with the values it compares, at the time you choose. Then change a claim: have the sandbox re-sign it, or keep the broken signature, and watch the checks follow. An access token from step 0 is decoded and explained too.",
  nb: "Lim inn et dialogtoken — fra denne sandkassen, eller et ekte fra Dialogporten med tilhørende JWKS — og se hver kontroll en tjenestetilbyder gjør i steg 5, med verdiene som sammenlignes, på det tidspunktet du velger. Endre så et claim: la sandkassen signere det på nytt, eller behold den ødelagte signaturen, og se kontrollene følge etter. Et tilgangstoken fra steg 0 blir også dekodet og forklart.",
};
