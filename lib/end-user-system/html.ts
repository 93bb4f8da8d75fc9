import type { AllowedTag, MdNode } from "./markdown";
import { ALLOWED, SAFE_HREF } from "./markdown";

/**
 * A legacy-HTML front-channel embed turned into the same tree as markdown, with the same allow-list
 * (p em strong ul ol li a code pre blockquote hr h1–h6 br; docs/real-systems.md §6.1), as the portal keeps
 * only those. The text is read, never handed to the browser as markup: a tag off the list is dropped and its
 * text kept, the content of script-like elements is dropped whole, and no attribute survives but a safe
 * `href` on a link. So the renderer never needs innerHTML, and nothing in the body can run.
 */

/** Elements whose content is not text for the reader: dropped with everything inside. */
const DROPPED = new Set(["script", "style", "template", "iframe", "object", "embed", "noscript", "textarea", "title", "svg", "math", "head"]);
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "track", "wbr"]);
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** The value of `href` in a tag's attribute text, if it has one. */
function hrefOf(attributes: string): string | undefined {
  const m = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const raw = m ? (m[1] ?? m[2] ?? m[3] ?? "") : undefined;
  return raw === undefined ? undefined : decodeEntities(raw).trim();
}

// A tag, a comment, a doctype or processing instruction, or a run of text.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<|[^<]+/g;

export function htmlToTree(source: string): MdNode[] {
  const root: MdNode[] = [];
  const open: { tag: string; children: MdNode[] }[] = [{ tag: "#root", children: root }];
  const top = () => open[open.length - 1]!;
  let dropping: string | null = null;
  for (const m of source.matchAll(TOKEN)) {
    const [whole, rawName, attributes = ""] = m;
    const name = rawName?.toLowerCase();
    if (dropping) {
      if (name === dropping && whole.startsWith("</")) dropping = null;
      continue;
    }
    if (!name) {
      // Text (a lone "<" is text too); comments and doctypes are not.
      if (!whole.startsWith("<") || whole === "<") pushText(top().children, decodeEntities(whole));
      continue;
    }
    if (whole.startsWith("</")) {
      const at = open.findLastIndex((o) => o.tag === name);
      if (at > 0) open.length = at;
      continue;
    }
    if (DROPPED.has(name)) {
      if (!whole.endsWith("/>")) dropping = name;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    const tag = name as AllowedTag;
    const href = tag === "a" ? hrefOf(attributes) : undefined;
    const node: MdNode = { type: "element", tag, ...(href && SAFE_HREF.test(href) && { href }), children: [] };
    top().children.push(node);
    if (!VOID.has(name) && !whole.endsWith("/>") && node.type === "element") open.push({ tag: name, children: node.children });
  }
  return root;
}

/** Adjacent text joins one node; the line breaks that only lay out the tags go, a space between words stays. */
function pushText(into: MdNode[], text: string) {
  const last = into.at(-1);
  if (last?.type === "text") last.text += text;
  else if (text.trim() || !text.includes("\n")) into.push({ type: "text", text });
}
