"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A disclosure that behaves like a menu button: a click outside or Escape closes it (Escape gives focus back
 * to its button), so it never stays open over the diagram. Built on <details>, so it also works before
 * hydration and without JS; the panel is absolute, so opening it moves nothing on the page.
 */
export function MenuButton({
  label,
  children,
  className = "",
  panelClassName = "left-0",
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  /** Which edge the panel hangs from, so it opens inside the page wherever the button sits. */
  panelClassName?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const onPointer = (e: PointerEvent) => {
      if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    menu.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      menu.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <details ref={ref} className={`relative ${className}`}>
      <summary className="btn-secondary cursor-pointer list-none px-2 py-1 [&::-webkit-details-marker]:hidden">
        {label} <span aria-hidden="true">▾</span>
      </summary>
      <div className={`panel absolute z-30 mt-1 w-max max-w-[20rem] p-3 shadow-lg ${panelClassName}`}>{children}</div>
    </details>
  );
}
