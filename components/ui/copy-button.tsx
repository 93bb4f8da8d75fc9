"use client";

import { useState } from "react";
import { useT } from "../i18n/locale-provider";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, insecure origin): fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** A button that copies text and says so for a moment; its width does not change when it does. */
export function CopyButton({ text, label, className = "" }: { text: () => string; label: string; className?: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onClick = async () => {
    const ok = await writeClipboard(text());
    setState(ok ? "copied" : "failed");
    setTimeout(() => setState("idle"), 1500);
  };
  return (
    <button type="button" onClick={onClick} className={`btn-secondary relative ${className}`}>
      <span className={state === "idle" ? "" : "invisible"}>{label}</span>
      <span aria-live="polite" className="absolute inset-0 flex items-center justify-center">
        {state === "copied" ? t({ en: "Copied ✓", nb: "Kopiert ✓" }) : state === "failed" ? t({ en: "Copy failed", nb: "Kopieringen feilet" }) : ""}
      </span>
    </button>
  );
}
