import { describe, expect, it } from "vitest";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { DIALOG_ID, seedDialogs } from "@/lib/seed/dialogs";
import { findPersona } from "@/lib/seed/personas";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { fetchAfterWrite } from "./after-write";
import { diffDialogs } from "./dialog-diff";
import { arrowsFor } from "./diagram-model";
import { explainExchange } from "../exchange/explain";
import type { RunData, Step } from "./run-model";
import { advance } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { actionOptions, changeScenario, DEFAULT_SCENARIO, forPersona } from "../scenario/scenario";

const sb = sandboxSuite();

/** Presses "Next step" until the run ends, through the real handlers; `fetch` may be wrapped to misbehave. */
async function walk(scenario: Scenario, wrap?: (ctx: EndUserSystemContext) => EndUserSystemContext) {
  const ctx = wrap ? wrap(sb.context()) : sb.context();
  let data: RunData | null = null;
  let step: Step = -1;
  for (;;) {
    const next = await advance(data, step, scenario, ctx, sb.sandbox.config.serviceProviderOrigin);
    if (!next) return { data: data!, step };
    ({ data, step } = next);
  }
}

const withAction = (s: Scenario, label: RegExp) =>
  changeScenario(s, "action", actionOptions(seedDialogs.find((d) => d.id === s.dialogId)).find((o) => label.test(o.label))!.value);
const ola = forPersona("ola");

/** The first call to the service provider answers `first` instead; the rest go through. */
function firstProviderCall(first: () => Response) {
  return (ctx: EndUserSystemContext): EndUserSystemContext => {
    let done = false;
    return {
      ...ctx,
      fetch: (input, init) => {
        if (!done && String(input).includes("/service-provider/")) {
          done = true;
          return Promise.resolve(first());
        }
        return ctx.fetch(input, init);
      },
    };
  };
}

describe("step 4 for an embed follows the portal's rules", () => {
  it("loads, checks and parses the markdown; the claims it names are the token's", async () => {
    const { data } = await walk(DEFAULT_SCENARIO);
    expect(data.embed?.attempts).toHaveLength(1);
    expect(data.embed?.result.kind).toBe("markdown");
    expect(JSON.stringify(data.embed?.tree)).toContain("urn:altinn:person:identifier-no:12888510018");
    expect(data.spExchange?.request.headers.find(([k]) => k === "accept-language")?.[1]).toBe("nb, nn;q=0.9, en;q=0.8");
    expect(arrowsFor(data, 6, data.scenario).find((a) => a.id === "sp-response")?.detail).toContain("rendered");
  });

  it("retries a 503 once a second, and the diagram says how many attempts it took", async () => {
    const { data } = await walk(
      DEFAULT_SCENARIO,
      firstProviderCall(() => new Response("down", { status: 503 })),
    );
    expect(data.embed?.attempts.map((e) => e.response?.status)).toEqual([503, 200]);
    expect(data.embed?.attempts[1]!.label).toContain("retry 1");
    const request = arrowsFor(data, 6, data.scenario).find((a) => a.id === "sp-request")!;
    expect(request.detail).toContain("2 attempts");
    expect(request.exchanges).toHaveLength(2);
  });

  it("a legacy-HTML embed (…;type=text/html): the provider answers text/html, the end-user system keeps allow-listed tags only", async () => {
    const siri = forPersona("email-user");
    const { data } = await walk(withAction(siri, /Transmission “Vi trenger mer informasjon”/));
    expect(data.embed?.mediaType).toBe("application/vnd.dialogporten.frontchannelembed-url;type=text/html");
    expect(data.spExchange?.response?.headers.find(([k]) => k === "content-type")?.[1]).toBe("text/html; charset=utf-8");
    expect(data.embed?.result.kind).toBe("html");
    // The body has layout markup the portal does not keep; the tree has none of it, and names the token's c.
    expect(data.spExchange?.response?.body).toMatch(/<div class=.*<span style=/s);
    const tree = JSON.stringify(data.embed?.tree);
    expect(tree).not.toMatch(/"tag":"(div|span)"|style|class/);
    expect(tree).toContain('"tag":"h2"');
    expect(tree).toContain("urn:altinn:person:idporten-email:siri.selvbetjent@example.com");
    expect(arrowsFor(data, 6, data.scenario).find((a) => a.id === "sp-response")?.detail).toContain("rendered");
  });

  it("refuses a body whose Content-Type is not the announced one, and marks step 6 failed", async () => {
    const html = () => new Response("<script>alert(1)</script>", { status: 200, headers: { "content-type": "text/html" } });
    const { data } = await walk(DEFAULT_SCENARIO, firstProviderCall(html));
    expect(data.embed?.result).toMatchObject({ kind: "refused", code: "embed_wrong_content_type" });
    expect(data.embed?.tree).toBeUndefined();
    expect(arrowsFor(data, 6, data.scenario).find((a) => a.id === "sp-response")?.state).toBe("failed");
  });
});

describe("write actions change the dialog, and the end-user system sees it by fetching it again", () => {
  it("Signer before submitting → 422 from the provider's own state; Send inn → 204, Task_2 in the GUI actions, a new token; then Signer works and the process ends", async () => {
    const early = await walk(withAction(ola, /“Signer”/));
    expect(early.data.spExchange?.response?.status).toBe(422);
    expect(early.data.after).toBeUndefined();
    expect(explainExchange(early.data.spExchange!)).toMatch(/dialog_not_in_task.*Task_2, but the dialog is in Task_1/);

    const sent = await walk(withAction(ola, /“Send inn”/));
    expect(sent.data.spExchange?.response?.status).toBe(204);
    expect(sent.data.after).toMatchObject({ mode: "reload", state: "changed" });
    expect(sent.data.after?.fetches).toHaveLength(1);
    const diff = diffDialogs(sent.data.dialog!, sent.data.after!.dialog!);
    expect(diff.fields.find((f) => f.name === "revision")?.changed).toBe(true);
    expect(diff.fields.find((f) => f.name === "guiActions[].authorizationAttribute")).toMatchObject({
      before: "sign: Task_2 · delete: Task_1",
      after: "sign: Task_2 · delete: Task_2",
    });
    expect(diff.newActivities.map((a) => a.type)).toEqual(["FormSubmitted"]);
    expect(diff.token.after?.jti).not.toBe(diff.token.before?.jti);

    const signed = await walk(withAction(ola, /“Signer”/));
    expect(signed.data.spExchange?.response?.status).toBe(204);
    expect(signed.data.after?.dialog?.status).toBe("Completed");
    expect(diffDialogs(signed.data.dialog!, signed.data.after!.dialog!).fields.find((f) => f.name === "guiActions[].authorizationAttribute")?.after).toBe(
      "(none)",
    );

    // The process is over: the draft's delete action is gone from the dialog, so there is nothing to call.
    const deleted = await walk(withAction(ola, /“Slett utkast”/));
    expect(deleted.data.actionMissing).toBe(true);
    expect(deleted.data.spExchange).toBeUndefined();
  });

  it("the tax return's submit → 202 → polls until the revision changes", async () => {
    const { data } = await walk(withAction(DEFAULT_SCENARIO, /“Bekreft og send inn”/));
    expect(data.spExchange?.response?.status).toBe(202);
    expect(data.after).toMatchObject({ mode: "poll", state: "changed" });
    expect(data.after?.dialog?.activities.at(-1)?.type).toBe("FormSubmitted");
  });

  it("polls at most once a second and gives up after 10 s", async () => {
    const { data } = await walk(DEFAULT_SCENARIO);
    let clock = Date.now();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    // Nothing was written (the run read the embed), so the revision never moves.
    const input = {
      ctx: sb.context(),
      persona: findPersona("kari")!,
      accessToken: data.accessToken!,
      dialogId: DIALOG_ID.taxReturn,
      before: data.dialog!,
      mode: "poll" as const,
    };
    const r = await fetchAfterWrite(input, { sleep, now: () => clock, follow: "polling" });
    expect(r.after.state).toBe("gave-up");
    expect(r.after.fetches).toHaveLength(10);
    expect(waits.every((w) => w >= 1000)).toBe(true);
  });

  it("signs in again when the access token has expired before fetching the dialog again", async () => {
    const { data } = await walk(DEFAULT_SCENARIO);
    const later = Date.now() + 10 * 60_000;
    const r = await fetchAfterWrite(
      { ctx: sb.context(), persona: findPersona("kari")!, accessToken: data.accessToken!, dialogId: DIALOG_ID.taxReturn, before: data.dialog!, mode: "reload" },
      { now: () => later },
    );
    expect(r.after.signIn?.response?.status).toBe(200);
    expect(r.accessToken).not.toBe(data.accessToken);
    expect(r.after.fetches[0]?.response?.status).toBe(200);
  });
});
