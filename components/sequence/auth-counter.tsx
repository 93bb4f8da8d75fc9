/**
 * The point of the dialog token, made countable: Dialogporten asks Altinn Authorization in steps 1–2,
 * the service provider never does in steps 4–6. Both numbers are counted from the trace.
 */
export function AuthorizationCounter({ early, late }: { early?: number; late?: number }) {
  const lateText = late === undefined ? "–" : String(late);
  return (
    <div
      className={`flex max-w-[23.5rem] min-w-0 flex-1 items-center gap-3 rounded-lg border px-2.5 py-1 ${late === 0 ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50" : late ? "border-red-600 bg-red-50 dark:bg-red-950/50" : "border-line"}`}
    >
      <output id="aa-late" aria-labelledby="aa-late-label" aria-live="off" className="w-8 text-center text-3xl leading-none font-bold tabular-nums">
        {lateText}
      </output>
      <div className="text-xs leading-4">
        <p id="aa-late-label" className="text-[0.8125rem] font-semibold">
          Calls to Altinn Authorization in steps 4–6
        </p>
        <p className="text-muted-strong">
          steps 1–2: <span className="tabular-nums">{early ?? "–"}</span>
          {" · "}
          {late === 0 ? "✓ none: the token sufficed" : late ? "✗ the provider asked Authorization" : "counted from step 4 on"}
        </p>
      </div>
    </div>
  );
}
