import { describe, expect, it } from "vitest";
import type { Exchange } from "@/lib/shared/trace";
import { citationsFor } from "./citations";
import { CODE_SENTENCES, explainExchange } from "./explain";

const refused = (status: number, body: object, headers: [string, string][] = []): Exchange => ({
  id: "x",
  from: "end-user-system",
  to: "service-provider",
  label: "call",
  request: { method: "GET", url: "http://sp.test/fce/1", headers: [], body: null },
  response: { status, statusText: "Forbidden", headers: [["content-type", "application/problem+json"], ...headers], body: JSON.stringify(body) },
  startedAt: "2026-12-02T10:00:00.000Z",
  durationMs: 1,
});

describe("explainExchange in two languages", () => {
  const e = refused(403, { code: "action_not_in_token" }, [["www-authenticate", 'Bearer error="insufficient_scope"']]);

  it("explains in English by default and in Norwegian when asked", () => {
    expect(explainExchange(e)).toBe(
      `403 Forbidden (action_not_in_token): ${CODE_SENTENCES.action_not_in_token.en} WWW-Authenticate says error="insufficient_scope" (RFC 6750): the token is valid but does not cover this request. The body is RFC 9457 problem details.`,
    );
    expect(explainExchange(e, "nb")).toBe(
      `403 Forbidden (action_not_in_token): ${CODE_SENTENCES.action_not_in_token.nb} WWW-Authenticate sier error="insufficient_scope" (RFC 6750): tokenet er gyldig, men dekker ikke denne forespørselen. Bodyen er problemdetaljer etter RFC 9457.`,
    );
  });

  it("has a Norwegian sentence for every code, never the English one copied", () => {
    for (const [code, text] of Object.entries(CODE_SENTENCES)) {
      expect(text.nb, code).toBeTruthy();
      expect(text.nb, code).not.toBe(text.en);
    }
  });

  it("quotes the service's own detail for an unknown code", () => {
    expect(explainExchange(refused(400, { code: "made_up", detail: "Nope." }), "nb")).toBe(
      "400 Forbidden (made_up): Nope. Bodyen er problemdetaljer etter RFC 9457.",
    );
  });
});

describe("citationsFor", () => {
  it("links the RFCs and Dialogporten's documentation an explanation relies on", () => {
    const e = refused(401, { code: "alg_not_allowed" }, [["www-authenticate", 'Bearer error="invalid_token"']]);
    expect(citationsFor(e, "nb").map((c) => c.label)).toEqual(["RFC 6750 §3", "RFC 8725", "Dialogporten: dialogtoken", "RFC 9457"]);
    expect(citationsFor(e, "nb").find((c) => c.label.startsWith("Dialogporten"))?.href).toContain("/nb/dialogporten/");
    expect(citationsFor(refused(401, { code: "token_in_query" }), "en").map((c) => c.label)).toEqual(["RFC 6750 §2", "RFC 9457"]);
  });

  it("cites nothing for a success", () => {
    expect(citationsFor({ ...refused(200, {}), response: { status: 200, statusText: "OK", headers: [], body: "" } }, "en")).toEqual([]);
  });
});
