import MarkdownIt from "markdown-it";

/**
 * Front-channel embed markdown (CommonMark 0.31.2) turned into a tree of the only tags the embed
 * spec allows — p em strong ul ol li a code pre blockquote hr h1–h6 br (docs/real-systems.md §6.1).
 * Raw HTML is never interpreted: markdown-it escapes it (`html: false`), and the tree has no way to
 * carry an element outside the allow-list, so the renderer never needs innerHTML.
 */
export type MdNode = { type: "text"; text: string } | { type: "element"; tag: AllowedTag; href?: string; children: MdNode[] };

const ALLOWED_TAGS = ["p", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "br"] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];
export const ALLOWED = new Set<string>(ALLOWED_TAGS);

// The commonmark preset has no tables or strikethrough; images are switched off because <img> is not allowed.
const md = new MarkdownIt("commonmark", { html: false, linkify: false }).disable(["image"]);

type Token = ReturnType<typeof md.parse>[number];

export const SAFE_HREF = /^(https?:|mailto:|#|\/)/i;

export function markdownToTree(source: string): MdNode[] {
  return build(md.parse(source, {}));
}

function build(tokens: Token[]): MdNode[] {
  const root: MdNode[] = [];
  const stack: MdNode[][] = [root];
  const top = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    if (token.type === "inline") {
      top().push(...build(token.children ?? []));
    } else if (token.nesting === 1) {
      const tag = allowed(token.tag);
      const href = tag === "a" ? String(token.attrGet("href") ?? "") : "";
      const children: MdNode[] = [];
      top().push(SAFE_HREF.test(href) ? { type: "element", tag, href, children } : { type: "element", tag, children });
      stack.push(children);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === "text" || token.type === "html_inline" || token.type === "html_block") {
      if (token.content) top().push({ type: "text", text: token.content });
    } else if (token.type === "code_inline") {
      top().push({ type: "element", tag: "code", children: [{ type: "text", text: token.content }] });
    } else if (token.type === "code_block" || token.type === "fence") {
      top().push({ type: "element", tag: "pre", children: [{ type: "element", tag: "code", children: [{ type: "text", text: token.content }] }] });
    } else if (token.type === "hr") {
      top().push({ type: "element", tag: "hr", children: [] });
    } else if (token.type === "hardbreak") {
      top().push({ type: "element", tag: "br", children: [] });
    } else if (token.type === "softbreak") {
      top().push({ type: "text", text: "\n" });
    }
  }
  return root;
}

/** Anything markdown-it might open that is not on the list degrades to a paragraph. */
function allowed(tag: string): AllowedTag {
  return ALLOWED.has(tag) ? (tag as AllowedTag) : "p";
}
