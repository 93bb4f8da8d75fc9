import { describe, expect, it } from "vitest";
import type { MdNode } from "./markdown";
import { decodeEntities, htmlToTree } from "./html";

/** Every tag in a tree, depth first. */
const tags = (nodes: MdNode[]): string[] => nodes.flatMap((n) => (n.type === "element" ? [n.tag, ...tags(n.children)] : []));
const text = (nodes: MdNode[]): string => nodes.map((n) => (n.type === "text" ? n.text : text(n.children))).join("");

describe("htmlToTree: legacy HTML as the portal keeps it", () => {
  it("keeps the allowed tags and their text, unwraps the rest, joins the words", () => {
    const tree = htmlToTree(
      '<div class="x"><h2>Tittel</h2>\n<p><span style="color:red">Hei</span> <em>du</em></p><table><tr><td>celle</td></tr></table></div>',
    );
    expect(tags(tree)).toEqual(["h2", "p", "em"]);
    expect(text(tree)).toBe("TittelHei ducelle");
  });

  it("drops script, style and their content, comments, event handlers and every attribute but a safe href", () => {
    const tree = htmlToTree(
      '<p onclick="steal()">a<script>alert(1)</script><style>p{}</style><!-- hidden --><img src=x onerror="alert(2)">b</p>' +
        '<a href="https://example.no/x" target="_top">ok</a><a href="javascript:alert(3)">bad</a><a href=" JaVaScRiPt:alert(4)">bad2</a>',
    );
    expect(text(tree)).toBe("abokbadbad2");
    expect(JSON.stringify(tree)).not.toMatch(/alert|onclick|onerror|style|target/);
    const links = tree.filter((n): n is Extract<MdNode, { type: "element" }> => n.type === "element" && n.tag === "a");
    expect(links.map((l) => l.href)).toEqual(["https://example.no/x", undefined, undefined]);
  });

  it("decodes entities in text, never into markup", () => {
    const tree = htmlToTree("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#229;&#x00f8; &bogus;</p>");
    expect(tags(tree)).toEqual(["p"]);
    expect(text(tree)).toBe("<script>alert(1)</script> & åø &bogus;");
    expect(decodeEntities("&#xD800;&#0;")).toBe("\ufffd\ufffd");
  });

  it("survives broken markup: stray closers, unclosed tags, a lone <, an unterminated script", () => {
    expect(text(htmlToTree("</p>x < y<ul><li>one<li>two</ul>"))).toBe("x < yonetwo");
    expect(htmlToTree("<p>before<script>alert(1)")).toEqual([{ type: "element", tag: "p", children: [{ type: "text", text: "before" }] }]);
  });
});
