"use client";

import type { ReactNode } from "react";

/**
 * A button that says no without leaving the keyboard: aria-disabled, not disabled, so it keeps focus and its
 * reason (`describedBy`) is still read out (as the run controls do).
 */
export function ActButton({
  disabled,
  onClick,
  describedBy,
  primary,
  wrap,
  children,
}: {
  disabled?: boolean;
  onClick: () => unknown;
  describedBy?: string;
  primary?: boolean;
  /** A long label may wrap (on a phone) instead of widening its card. */
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`${primary ? "btn-primary" : "btn-secondary"}${wrap ? " whitespace-normal" : ""}`}
      aria-disabled={disabled || undefined}
      aria-describedby={describedBy}
      onClick={() => {
        if (!disabled) void onClick();
      }}
    >
      {children}
    </button>
  );
}
