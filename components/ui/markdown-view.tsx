import { createElement, type ReactNode } from "react";
import type { MdNode } from "@/lib/end-user-system/markdown";

const STYLE: Partial<Record<string, string>> = {
  h1: "mt-3 text-xl font-semibold",
  h2: "mt-3 text-lg font-semibold",
  h3: "mt-2 font-semibold",
  p: "my-2",
  ul: "my-2 list-disc pl-6",
  ol: "my-2 list-decimal pl-6",
  blockquote: "my-2 border-l-4 border-slate-300 pl-3 text-slate-700 dark:border-slate-600 dark:text-slate-300",
  code: "rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800",
  pre: "my-2 overflow-x-auto rounded bg-slate-100 p-2 dark:bg-slate-800",
  a: "text-indigo-700 underline dark:text-indigo-300",
  hr: "my-3 border-slate-300 dark:border-slate-700",
};

const levelOf = (tag: string) => (/^h[1-6]$/.test(tag) ? Number(tag[1]) : undefined);

/** The highest heading level in the tree (1 for h1), or undefined when it has no heading. */
function topLevel(nodes: MdNode[]): number | undefined {
  let top: number | undefined;
  for (const node of nodes) {
    if (node.type === "text") continue;
    for (const level of [levelOf(node.tag), topLevel(node.children)]) if (level !== undefined && (top === undefined || level < top)) top = level;
  }
  return top;
}

function render(nodes: MdNode[], shift: number, key = "n"): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return node.text;
    const props: Record<string, string> = { key: `${key}-${i}`, className: STYLE[node.tag] ?? "" };
    if (node.tag === "a" && node.href) Object.assign(props, { href: node.href, rel: "noopener noreferrer", target: "_blank" });
    if (node.tag === "hr" || node.tag === "br") return createElement(node.tag, props);
    const level = levelOf(node.tag);
    // Looks as the provider wrote it, but sits in the page's outline below the heading it appears under.
    const tag = level === undefined ? node.tag : `h${Math.min(6, level + shift)}`;
    return createElement(tag, props, ...render(node.children, shift, `${key}-${i}`));
  });
}

/**
 * Renders the allow-listed markdown tree as React elements — no innerHTML anywhere. The provider's headings
 * start at its own h1; `under` is the level of the page heading the embed appears below, so the embed's top
 * heading becomes the next level down and the page's heading order stays whole (axe heading-order).
 */
export function MarkdownView({ tree, label, under }: { tree: MdNode[]; label: string; under: number }) {
  const top = topLevel(tree);
  const shift = top === undefined ? 0 : Math.max(0, under + 1 - top);
  return (
    <article aria-label={label} className="text-sm leading-relaxed">
      {render(tree, shift)}
    </article>
  );
}
