/** What a view says before it has anything to show: dashed, so it never looks like a result. */
export function Placeholder({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-line p-6 text-center text-muted-strong">{children}</p>;
}
