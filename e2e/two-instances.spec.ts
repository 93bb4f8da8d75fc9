import { expect, test } from "./fixtures";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { WORKSPACE_HEADER } from "../lib/shared/workspace";
import { WORKSPACES_PATH } from "../lib/sandbox-api/workspaces";
import { APP_ORIGIN } from "../playwright.config";
import { type Instance, startInstance } from "./support/next-instances";
import { freePort } from "./support/processes";
import { REDIS_MISSING, type RunningRedis, startRedis } from "./support/redis-server";
import {
  callProvider,
  describeWorkspace,
  embedUrl,
  getDialog,
  guiActionUrl,
  newWorkspace,
  on,
  resetWorkspace,
  serviceOwnerToken,
  signIn,
} from "./support/sandbox-http";

// Ola Nordmann and the VAT return of Sandbox Bakeri AS (org skd): "Send inn" (write) answers 204 at once and
// moves the dialog from Task_1 to Task_2; "Signer" (sign, Task_2) then completes it.
const VAT = DIALOG_ID.vatReturn;
const OLA = "ola";
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** A port for an instance: free a moment ago, and never the webServer's own. */
async function instancePort(taken: number[]): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!taken.includes(port)) return port;
  }
}

/** The dialogs a workspace changed; reading a dialog also stores the reader's sighting (its seen log, `seen:<id>`). */
const dialogsChanged = (workspace: { changed: string[] }) => workspace.changed.filter((k) => k.startsWith("dialog:"));

test.describe("two production instances sharing one Redis store", () => {
  let redis: RunningRedis | null = null;
  let a: Instance | undefined;
  let b: Instance | undefined;
  /** What both instances publish: the token issuer is `<origin>/dialogporten/api/v1` (docs/deploy.md). */
  let sharedOrigin = "";

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    redis = await startRedis();
    test.skip(redis === null, REDIS_MISSING);
    const portA = await instancePort([E2E_PORT]);
    const portB = await instancePort([E2E_PORT, portA]);
    // One public origin for both, as behind a load balancer: A's address stands in for the proxy's. The issuer,
    // and the jwks_uri each provider discovers, are then the same everywhere. Server-to-server calls go to
    // the instance itself (SANDBOX_INTERNAL_URL); what they read is in Redis.
    sharedOrigin = `http://127.0.0.1:${portA}`;
    const common = { SANDBOX_STORE: redis!.url, SANDBOX_ORIGIN: sharedOrigin, SANDBOX_ALLOWED_ORIGINS: sharedOrigin, SANDBOX_WRITE_QUEUE_DELAY_MS: "0" };
    // One after the other: two cold starts at once on a two-core runner only slow each other down.
    a = await startInstance({ port: portA, env: { ...common, SANDBOX_INTERNAL_URL: `http://127.0.0.1:${portA}` } });
    b = await startInstance({ port: portB, env: { ...common, SANDBOX_INTERNAL_URL: `http://127.0.0.1:${portB}` } });
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  test("one participant alternating between A and B sees one world", async ({ request }) => {
    const A = a!.url;
    const B = b!.url;
    const ws = newWorkspace("alt");
    const access = await signIn(request, A, OLA); // sign in at A
    const seed = await getDialog(request, B, access, VAT, ws); // the dialog at B
    expect(seed.status).toBe("InProgress");
    expect(guiActionUrl(seed, "write")).toContain(`/service-provider/ws/${ws}/actions/${VAT}/write`);

    // The embed at A, with B's token.
    expect(await callProvider(request, "GET", on(A, embedUrl(seed)), seed.dialogToken)).toBe(200);
    // Submit at B, with a token A issued.
    const fromA = await getDialog(request, A, access, VAT, ws);
    expect(await callProvider(request, "POST", on(B, guiActionUrl(fromA, "write")), fromA.dialogToken)).toBe(204);

    // Re-fetched at A: B's write is there.
    const submitted = await getDialog(request, A, access, VAT, ws);
    expect(submitted.revision).not.toBe(seed.revision);
    expect(submitted.activities.length).toBe(seed.activities.length + 1);
    expect(submitted.activities.at(-1)?.type).toBe("FormSubmitted");
    expect(submitted.status).toBe("Awaiting");
    expect((await getDialog(request, B, access, VAT, ws)).revision).toBe(submitted.revision);

    // Sign at A with a token B issued after the submit (sign is bound to Task_2, so it only works on the new state).
    const afterSubmitB = await getDialog(request, B, access, VAT, ws);
    expect(await callProvider(request, "POST", on(A, guiActionUrl(afterSubmitB, "sign")), afterSubmitB.dialogToken)).toBe(204);
    const signed = await getDialog(request, B, access, VAT, ws);
    expect(signed.status).toBe("Completed");
    expect(signed.activities.at(-1)?.type).toBe("SignatureProvided");
    // The process has ended: the provider removed the draft's delete action, and both instances read that
    // from the provider's state in the shared store, so its old URL names nothing (404 once the token passed).
    expect(signed.guiActions.map((g) => g.action)).not.toContain("delete");
    const oldDelete = guiActionUrl(seed, "delete");
    expect(await callProvider(request, "DELETE", on(A, oldDelete), signed.dialogToken)).toBe(404);
    expect(await callProvider(request, "DELETE", on(B, oldDelete), signed.dialogToken)).toBe(404);

    // Both instances list the same changed state for the workspace.
    const [seenAtA, seenAtB] = await Promise.all([describeWorkspace(request, A, ws), describeWorkspace(request, B, ws)]);
    expect(dialogsChanged(seenAtA)).toEqual([`dialog:${VAT}`]);
    expect(seenAtB.changed).toEqual(seenAtA.changed);
  });

  test("dialog tokens from either instance verify at both providers", async ({ request }) => {
    const ws = newWorkspace("tokens");
    const instances = [a!.url, b!.url];
    const access = await signIn(request, b!.url, OLA);
    for (const issuer of instances) {
      const dialog = await getDialog(request, issuer, access, VAT, ws);
      const claims = JSON.parse(Buffer.from(dialog.dialogToken.split(".")[1]!, "base64url").toString()) as { iss: string };
      expect(claims.iss).toBe(`${sharedOrigin}/dialogporten/api/v1`);
      for (const provider of instances) {
        expect(await callProvider(request, "GET", on(provider, embedUrl(dialog)), dialog.dialogToken), `token from ${issuer} at ${provider}`).toBe(200);
        // The provider's shared URL (no workspace in it) takes the same token: tokens carry no workspace state.
        expect(await callProvider(request, "GET", `${provider}/service-provider/fce/${VAT}`, dialog.dialogToken)).toBe(200);
      }
    }
  });

  test("another workspace on the same pair sees the seed; Reset at one instance restores it at both", async ({ request }) => {
    const A = a!.url;
    const B = b!.url;
    const [mine, theirs] = [newWorkspace("mine"), newWorkspace("theirs")];
    const access = await signIn(request, A, OLA);
    const seed = await getDialog(request, A, access, VAT, theirs);
    const dialog = await getDialog(request, B, access, VAT, mine);
    expect(await callProvider(request, "POST", on(A, guiActionUrl(dialog, "write")), dialog.dialogToken)).toBe(204);
    expect((await getDialog(request, B, access, VAT, mine)).revision).not.toBe(seed.revision);

    for (const base of [A, B]) {
      const other = await getDialog(request, base, access, VAT, theirs);
      expect(other.revision).toBe(seed.revision);
      expect(other.activities).toEqual(seed.activities);
      expect(dialogsChanged(await describeWorkspace(request, base, theirs))).toEqual([]);
      // The shared default workspace is untouched too.
      const shared = await request.get(`${base}/dialogporten/api/v1/enduser/dialogs/${VAT}`, { headers: { authorization: `Bearer ${access}` } });
      expect(((await shared.json()) as { revision: string }).revision).toBe(seed.revision);
    }

    await resetWorkspace(request, B, mine);
    expect((await getDialog(request, A, access, VAT, mine)).revision).toBe(seed.revision);
    expect(dialogsChanged(await describeWorkspace(request, A, mine))).toEqual([]);
  });

  test("compare-and-set holds across instances: of concurrent changes from one revision, exactly one wins", async ({ request }) => {
    const ws = newWorkspace("cas");
    const so = await serviceOwnerToken(request, a!.url, "skd");
    const url = (base: string) => `${base}/dialogporten/api/v1/serviceowner/dialogs/${VAT}`;
    const read = async (base: string) => {
      const r = await request.get(url(base), { headers: { authorization: `Bearer ${so}`, [WORKSPACE_HEADER]: ws } });
      expect(r.status()).toBe(200);
      return (await r.json()) as { revision: string; activities: unknown[] };
    };
    const addActivity = (base: string, revision: string) =>
      request.patch(url(base), {
        headers: { authorization: `Bearer ${so}`, "content-type": "application/json-patch+json", "if-match": `"${revision}"`, [WORKSPACE_HEADER]: ws },
        data: JSON.stringify([
          {
            op: "add",
            path: "/activities/-",
            value: { type: "Information", performedBy: { actorType: "ServiceOwner" }, description: [{ value: base, languageCode: "nb" }] },
          },
        ]),
      });
    const before = await read(a!.url);
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      const { revision } = await read(round % 2 ? b!.url : a!.url);
      // Three at each instance at once: most losers are caught by the if-match check, and those that read the
      // dialog before the winner stored it by the store's compare-and-set in Redis (also a 412).
      const answers = await Promise.all([a!.url, b!.url, a!.url, b!.url, a!.url, b!.url].map((base) => addActivity(base, revision)));
      expect(answers.map((r) => r.status()).sort(), `round ${round}`).toEqual([204, 412, 412, 412, 412, 412]);
    }
    // No update was lost and none applied twice: one activity per round.
    expect((await read(b!.url)).activities.length).toBe(before.activities.length + rounds);
  });

  test("a fixed clock in the shared store gives byte-identical tokens from both instances", async ({ request }) => {
    const ws = newWorkspace("clock");
    const put = await request.put(`${a!.url}${WORKSPACES_PATH}/${ws}/clock`, { data: { at: "2026-12-01T10:00:00Z" } });
    expect(put.status()).toBe(200);
    const access = await signIn(request, a!.url, OLA);
    const [fromA, fromB] = [await getDialog(request, a!.url, access, VAT, ws), await getDialog(request, b!.url, access, VAT, ws)];
    expect(fromB.dialogToken).toBe(fromA.dialogToken);
    // Both providers of that workspace check it by the same fixed clock.
    expect(await callProvider(request, "GET", on(b!.url, embedUrl(fromA)), fromA.dialogToken)).toBe(200);
    expect((await request.delete(`${b!.url}${WORKSPACES_PATH}/${ws}/clock`)).status()).toBe(204);
    expect((await describeWorkspace(request, a!.url, ws)).clock).toBeNull();
  });
});

// The same isolation on the one instance the other specs use, with nothing but HTTP: what two participants
// with curl see (README, "Workspaces").
test.describe("two participants with plain HTTP on one instance", () => {
  test("one's write is invisible to the other; Reset restores the seed", async ({ request }) => {
    const [anna, bo] = [newWorkspace("anna"), newWorkspace("bo")];
    const access = await signIn(request, APP_ORIGIN, OLA);
    const seed = await getDialog(request, APP_ORIGIN, access, VAT, bo);

    const annas = await getDialog(request, APP_ORIGIN, access, VAT, anna);
    expect(await callProvider(request, "POST", guiActionUrl(annas, "write"), annas.dialogToken)).toBe(204);
    const changed = await getDialog(request, APP_ORIGIN, access, VAT, anna);
    expect(changed.revision).not.toBe(seed.revision);
    expect(changed.status).toBe("Awaiting");

    const bos = await getDialog(request, APP_ORIGIN, access, VAT, bo);
    expect(bos.revision).toBe(seed.revision);
    expect(bos.activities).toEqual(seed.activities);
    // Bo can still delete his draft (Task_1); Anna's dialog has moved on to Task_2, where no rule permits a
    // delete: Dialogporten masks its URL, and the provider refuses the token that lacks it.
    expect(guiActionUrl(changed, "delete")).toBe("urn:dialogporten:unauthorized");
    expect(await callProvider(request, "DELETE", guiActionUrl(annas, "delete"), changed.dialogToken)).toBe(403);
    expect(await callProvider(request, "DELETE", guiActionUrl(bos, "delete"), bos.dialogToken)).toBe(204);

    await resetWorkspace(request, APP_ORIGIN, anna);
    const reset = await getDialog(request, APP_ORIGIN, access, VAT, anna);
    expect(reset.revision).toBe(seed.revision);
    expect(reset.status).toBe(seed.status);
    expect(dialogsChanged(await describeWorkspace(request, APP_ORIGIN, anna))).toEqual([]);
    await resetWorkspace(request, APP_ORIGIN, bo);
  });

  test("a malformed workspace is refused; the default workspace's clock cannot be fixed", async ({ request }) => {
    const bad = await request.get(`${APP_ORIGIN}/dialogporten/api/v1/enduser/dialogs/${VAT}`, { headers: { [WORKSPACE_HEADER]: "no spaces" } });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("invalid_workspace");
    const clock = await request.put(`${APP_ORIGIN}${WORKSPACES_PATH}/default/clock`, { data: { at: "2026-12-01T10:00:00Z" } });
    expect(clock.status()).toBe(409);
    expect(((await clock.json()) as { code: string }).code).toBe("default_workspace_shared");
  });
});
