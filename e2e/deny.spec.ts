import { DIALOG_ID } from "../lib/seed/dialogs";
import { expect, test } from "./fixtures";

test.describe("refusals are shown as the real responses they are", () => {
  test("a system user may not sign the VAT return: isAuthorized false, then the provider's 403 insufficient_scope", async ({ sequence, wire, page }) => {
    await sequence.goto();
    await sequence.chooseScenario({
      persona: "Regnskapssystem (system user) · Maskinporten",
      party: "Sandbox Bakeri AS",
      dialog: /^MVA-melding/,
      action: /“Signer”/,
    });
    await sequence.runAll.click();
    await sequence.expectStep(6);

    await test.step("Dialogporten flagged the Signer action isAuthorized: false and left sign out of a", async () => {
      await sequence.openTab("Decision");
      const signer = sequence
        .isAuthorizedTable()
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: "GUI action “Signer”" }) });
      await expect(signer).toContainText("false");
      await expect(signer).toContainText("sign,urn:altinn:task:Task_2");
      await expect(sequence.decisionsTable().getByRole("row").filter({ hasText: "mva-6" })).toContainText("Deny");
      const dp = await wire.lastDialog();
      expect(dp.claims?.a).toBe("read;write");
      expect(dp.claims?.i).toBe(DIALOG_ID.vatReturn);
    });

    await test.step("the masked URL was called anyway, and the service provider answered 403 insufficient_scope", async () => {
      await sequence.arrow(6).click();
      const ex = sequence.exchange();
      await expect(ex).toContainText("403 Forbidden");
      await expect(ex).toContainText('error="insufficient_scope"');
      await expect(ex).toContainText("application/problem+json");
      await expect(ex.getByRole("note")).toContainText("action_not_in_token");
      await sequence.arrow(4).click();
      await expect(sequence.panel.getByRole("note").filter({ hasText: "masked" })).toContainText("urn:dialogporten:unauthorized");
      const sp = (await wire.to(/\/service-provider\//)).at(-1)!;
      expect(sp.status).toBe(403);
      expect(sp.headers["www-authenticate"]).toContain('error="insufficient_scope"');
    });

    await test.step("the checklist names the failing check and its reason code", async () => {
      await sequence.arrow(5).click();
      await expect(sequence.tab("Checklist")).toHaveAttribute("aria-selected", "true");
      await expect(sequence.panel).toContainText("Refused");
      await expect(sequence.panel).toContainText("First failure: check a");
      const failing = sequence.checks().filter({ hasText: /\bFail\b/ });
      await expect(failing).toHaveCount(1);
      await expect(failing).toContainText("action_not_in_token");
      await expect(failing).toContainText("sign,urn:altinn:task:Task_2");
      await expect(sequence.checks().filter({ hasText: /\bNot run\b/ })).toContainText(["Authentication level"]);
      await expect(sequence.authorizationCounter).toHaveText("0");
    });
  });

  test("Dialogporten refuses a dialog of another party: 403 problem+json, no token, the run stops at step 3", async ({ sequence, wire }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Kari Nordmann · ID-porten", dialog: /^MVA-melding/ });
    await sequence.runAll.click();
    await sequence.expectStep(3);
    await expect(sequence.nextStep).toBeDisabled();
    await sequence.openTab("Exchange");
    const ex = sequence.exchange();
    await expect(ex).toContainText("403 Forbidden");
    await expect(ex.getByRole("note")).toContainText("no_access");
    await expect(sequence.narration).toContainText("No dialog token");
    await expect(sequence.arrow(4)).toBeDisabled();
    await expect(sequence.authorizationCounter).toHaveText("–");
    expect(await wire.to(/\/service-provider\//)).toHaveLength(0);
  });
});
