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

function render(nodes: MdNode[], key = "n"): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return node.text;
    const props: Record<string, string> = { key: `${key}-${i}`, className: STYLE[node.tag] ?? "" };
    if (node.tag === "a" && node.href) Object.assign(props, { href: node.href, rel: "noopener noreferrer", target: "_blank" });
    return node.tag === "hr" || node.tag === "br" ? createElement(node.tag, props) : createElement(node.tag, props, ...render(node.children, `${key}-${i}`));
  });
}

/** Renders the allow-listed markdown tree as React elements — no innerHTML anywhere. */
export function MarkdownView({ tree, label }: { tree: MdNode[]; label: string }) {
  return (
    <article aria-label={label} className="text-sm leading-relaxed">
      {render(tree)}
    </article>
  );
}
