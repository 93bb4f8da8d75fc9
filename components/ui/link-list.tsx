/** A link to where something is defined or explained: an RFC section, Altinn's documentation, an issue. */
export interface SourceLink {
  href: string;
  label: string;
}

/**
 * "Read more: A · B" — a lead word and the links, each opening the source in a new tab (the reader keeps the
 * page and the run they are on). The exchange view's citations, a claim's sources and a catalogue entry's
 * reading all use it, so they look and behave alike.
 */
export function LinkList({
  lead,
  links,
  as: Tag = "p",
  className = "text-xs",
  linkClassName = "font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300",
  separator = " · ",
}: {
  lead: string;
  links: readonly SourceLink[];
  as?: "p" | "span";
  className?: string;
  linkClassName?: string;
  separator?: string;
}) {
  if (links.length === 0) return null;
  return (
    <Tag className={className}>
      {lead}{" "}
      {links.map((l, i) => (
        <span key={l.href}>
          {i > 0 && separator}
          <a href={l.href} className={linkClassName} target="_blank" rel="noreferrer">
            {l.label}
          </a>
        </span>
      ))}
    </Tag>
  );
}
