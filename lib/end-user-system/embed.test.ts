import { describe, expect, it } from "vitest";
import type { EndUserSystemContext } from "./calls";
import { EMBED_MAX_BYTES, fetchEmbed, remoteTypeOf } from "./embed";
import { markdownToTree } from "./markdown";

const URL_ = "http://sp.test/service-provider/fce/x";
function ctxAnswering(...answers: Array<() => Response>) {
  const seen: RequestInit[] = [];
  const ctx: EndUserSystemContext = {
    baseUrl: "http://sp.test",
    trace: false,
    fetch: async (_url, init) => {
      seen.push(init ?? {});
      const next = answers.shift();
      if (!next) throw new Error("unexpected call");
      return next();
    },
  };
  return { ctx, seen };
}
const noSleep = { sleep: async () => {} };
const md =
  (body: string, type = "text/markdown; charset=utf-8", status = 200) =>
  () =>
    new Response(body, { status, headers: { "content-type": type } });

describe("fetchEmbed", () => {
  it("sends the token and Accept-Language, never cookies, and renders markdown", async () => {
    const { ctx, seen } = ctxAnswering(md("# Hei"));
    const out = await fetchEmbed(ctx, URL_, "tok", "text/markdown", noSleep);
    expect(out.result).toEqual({ kind: "markdown", text: "# Hei" });
    const headers = new Headers(seen[0]!.headers);
    expect(headers.get("authorization")).toBe("Bearer tok");
    expect(headers.get("accept-language")).toMatch(/^nb/);
    expect(seen[0]!.credentials).toBe("omit");
  });

  it("treats 204 as empty", async () => {
    const { ctx } = ctxAnswering(() => new Response(null, { status: 204 }));
    expect((await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep)).result).toEqual({ kind: "empty" });
  });

  it("refuses a Content-Type that does not match the announced media type", async () => {
    const { ctx } = ctxAnswering(md("<script>alert(1)</script>", "text/html"));
    expect((await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep)).result).toMatchObject({ kind: "refused", code: "embed_wrong_content_type" });
  });

  it("refuses bodies over 100 KB and accepts exactly 100 KB", async () => {
    const { ctx } = ctxAnswering(md("x".repeat(EMBED_MAX_BYTES + 1)), md("x".repeat(EMBED_MAX_BYTES)));
    expect((await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep)).result).toMatchObject({ kind: "refused", code: "embed_too_large" });
    expect((await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep)).result.kind).toBe("markdown");
  });

  it("does not retry 403 or 404, retries other failures twice", async () => {
    const problem = (status: number) => () =>
      new Response(JSON.stringify({ code: "action_not_in_token" }), { status, headers: { "content-type": "application/problem+json" } });
    for (const status of [403, 404]) {
      const { ctx, seen } = ctxAnswering(problem(status));
      const out = await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep);
      expect(seen).toHaveLength(1);
      expect(out.result).toMatchObject({ kind: "error", status });
    }
    const { ctx, seen } = ctxAnswering(problem(503), problem(502), problem(500));
    const out = await fetchEmbed(ctx, URL_, "t", "text/markdown", noSleep);
    expect(seen).toHaveLength(3);
    expect(out.exchanges).toHaveLength(3);
    expect(out.result).toMatchObject({ kind: "error", status: 500 });
  });
});

describe("remoteTypeOf", () => {
  it("reads the remote type from Dialogporten's media type", () => {
    expect(remoteTypeOf("application/vnd.dialogporten.frontchannelembed-url;type=text/markdown")).toBe("text/markdown");
    expect(remoteTypeOf("text/plain")).toBeNull();
  });
});

describe("markdownToTree", () => {
  const tags = (nodes: ReturnType<typeof markdownToTree>): string[] => nodes.flatMap((n) => (n.type === "element" ? [n.tag, ...tags(n.children)] : []));
  it("keeps only the allowed tags and never turns raw HTML into elements", () => {
    const tree = markdownToTree(
      "# T\n\n<script>alert(1)</script>\n\n<b>bold?</b> **yes** ![img](x.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ok](https://x.test) [bad](javascript:alert(1))\n\n```\ncode\n```\n\n---\n",
    );
    expect(new Set(tags(tree))).toEqual(new Set(["h1", "p", "strong", "ul", "li", "a", "pre", "code", "hr"]));
    expect(JSON.stringify(tree)).toContain("<script>alert(1)</script>");
    const links = JSON.stringify(tree).match(/"href":"[^"]*"/g);
    expect(links).toEqual(['"href":"https://x.test"']);
  });
});
