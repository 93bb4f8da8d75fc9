import { expect, test } from "./fixtures";

// The tax return's "Bekreft og send inn" answers 202 from any state (see embeds-and-writes.spec.ts), so these
// tests assume nothing about what ran before.

test.describe("after a 202 the end-user system follows the dialog over Dialogporten's GraphQL subscription", () => {
  test("the browser subscribes with the dialog token, the event arrives, and the diagram draws it", async ({ sequence, page, wire }) => {
    const subscription = page.waitForRequest((r) => r.url().endsWith("/dialogporten/graphql") && r.method() === "POST");
    const opened = page.waitForResponse((r) => r.url().endsWith("/dialogporten/graphql"));
    await sequence.goto();
    await sequence.chooseScenario({ action: /“Bekreft og send inn”/ });
    await sequence.runAll.click();
    await expect(sequence.tab("Changes")).toHaveAttribute("aria-selected", "true");
    expect((await wire.to(/\/service-provider\/(ws\/[^/]+\/)?actions\//)).at(-1)!.status).toBe(202);

    await test.step("the request is the portal's: POST, Accept: text/event-stream, the dialog token as bearer, dialogEvents for this dialog", async () => {
      const request = await subscription;
      // The dialog token the end-user system holds: the one in the dialog fetched before the write.
      const first = JSON.parse((await wire.to(/\/enduser\/dialogs\//))[0]!.body) as { id: string; dialogToken: string };
      const headers = await request.allHeaders();
      expect(headers.accept).toBe("text/event-stream");
      expect(headers.authorization).toBe(`Bearer ${first.dialogToken}`);
      expect(request.postDataJSON()).toEqual({
        query: `subscription sub { dialogEvents(dialogId: "${first.id}") { id type } }`,
        variables: {},
        operationName: "sub",
      });
      const response = await opened;
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/event-stream/);
    });

    await test.step("the changes tab says the event came, and the dialog fetched after it has a new revision", async () => {
      await expect(sequence.panel).toContainText("subscribed to the dialog's events");
      await expect(sequence.panel).toContainText("Dialogporten sent DIALOG_UPDATED");
      await expect(sequence.row(sequence.dialogBeforeAfter(), "revision")).toContainText("Changed");
    });

    await test.step("the event arrow, Dialogporten → end-user system, opens the stream's exchange with the event in it", async () => {
      const arrow = sequence.eventArrow();
      await expect(arrow).toContainText("DIALOG_UPDATED");
      const [event, response] = [await arrow.boundingBox(), await sequence.arrow(6).boundingBox()];
      expect(event!.y, "drawn after step 6").toBeGreaterThan(response!.y);
      await arrow.click();
      const exchange = sequence.exchange(/Subscribe to the dialog's events/);
      await expect(exchange).toContainText("POST");
      await expect(exchange).toContainText('"type":"DIALOG_UPDATED"');
    });
  });

  test("when Dialogporten refuses the subscription, the end-user system polls instead and still sees the change", async ({ sequence, page }) => {
    await page.route(/\/dialogporten\/graphql$/, (route) =>
      route.fulfill({
        status: 401,
        headers: { "content-type": "application/problem+json", "www-authenticate": 'Bearer error="invalid_token"' },
        body: JSON.stringify({ status: 401, title: "Unauthorized", code: "token_expired" }),
      }),
    );
    await sequence.goto();
    await sequence.chooseScenario({ action: /“Bekreft og send inn”/ });
    await sequence.runAll.click();
    await expect(sequence.tab("Changes")).toHaveAttribute("aria-selected", "true");
    await expect(sequence.panel).toContainText("Dialogporten refused the subscription, so it polls the dialog");
    await expect(sequence.row(sequence.dialogBeforeAfter(), "revision")).toContainText("Changed");
    await expect(sequence.eventArrow()).toContainText("refused");
  });
});
