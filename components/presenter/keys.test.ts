import { describe, expect, it } from "vitest";
import type { KeyPress, KeyTarget } from "./keys";
import { commandFor, KEY_HELP } from "./keys";

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
});

describe("the run's keys", () => {
  it("steps forward with →, PageDown and Space, back with ← and PageUp, resets with Home", () => {
    expect(commandFor(press("ArrowRight"), "other", "off")).toEqual({ kind: "next" });
    expect(commandFor(press("PageDown"), "other", "off")).toEqual({ kind: "next" });
    expect(commandFor(press(" "), "other", "off")).toEqual({ kind: "next" });
    expect(commandFor(press("ArrowLeft"), "other", "off")).toEqual({ kind: "back" });
    expect(commandFor(press("PageUp"), "other", "off")).toEqual({ kind: "back" });
    expect(commandFor(press("Home"), "other", "off")).toEqual({ kind: "reset" });
  });

  it("makes Space pause a running Run all and resume a paused one", () => {
    expect(commandFor(press(" "), "other", "playing")).toEqual({ kind: "pause" });
    expect(commandFor(press(" "), "other", "paused")).toEqual({ kind: "resume" });
    // → and ← keep meaning next and back while Run all goes: the hook pauses it first.
    expect(commandFor(press("ArrowRight"), "other", "playing")).toEqual({ kind: "next" });
  });

  it("jumps with the number keys 0–6 and nothing else", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6]) expect(commandFor(press(String(n)), "other", "off")).toEqual({ kind: "jump", step: n });
    for (const k of ["7", "9", "-1", "a", "Enter", "ArrowUp"]) expect(commandFor(press(k), "other", "off"), k).toBeNull();
  });

  it("toggles the presenter view, full screen and the list of keys; Esc is passed on", () => {
    expect(commandFor(press("p"), "other", "off")).toEqual({ kind: "presenter" });
    expect(commandFor(press("P"), "button", "off")).toEqual({ kind: "presenter" });
    expect(commandFor(press("f"), "other", "off")).toEqual({ kind: "fullscreen" });
    expect(commandFor(press("?", { shiftKey: true }), "other", "off")).toEqual({ kind: "help" });
    expect(commandFor(press("Escape"), "other", "off")).toEqual({ kind: "escape" });
  });

  it("leaves every key to a text field, select or textarea", () => {
    for (const k of ["ArrowRight", "ArrowLeft", "PageDown", "PageUp", " ", "Home", "3", "p", "?", "Escape"]) {
      expect(commandFor(press(k), "field", "playing"), k).toBeNull();
    }
  });

  it("leaves Space to a focused button (it clicks it), but still steps with the arrows there", () => {
    const onButton: KeyTarget = "button";
    expect(commandFor(press(" "), onButton, "off")).toBeNull();
    expect(commandFor(press(" "), onButton, "playing")).toBeNull();
    expect(commandFor(press("ArrowRight"), onButton, "off")).toEqual({ kind: "next" });
    expect(commandFor(press("PageUp"), onButton, "off")).toEqual({ kind: "back" });
  });

  it("gives Space to the run in the presenter view, even on a button (a click on Run all leaves focus there)", () => {
    expect(commandFor(press(" "), "button", "playing", true)).toEqual({ kind: "pause" });
    expect(commandFor(press(" "), "button", "paused", true)).toEqual({ kind: "resume" });
    expect(commandFor(press(" "), "button", "off", true)).toEqual({ kind: "next" });
    expect(commandFor(press(" "), "field", "playing", true)).toBeNull();
  });

  it("ignores key combinations and held keys: the browser's shortcuts stay, and a held key makes one call", () => {
    for (const mods of [{ ctrlKey: true }, { altKey: true }, { metaKey: true }, { shiftKey: true }, { repeat: true }]) {
      expect(commandFor(press("ArrowRight", mods), "other", "off"), JSON.stringify(mods)).toBeNull();
    }
    expect(commandFor(press("?", { ctrlKey: true, shiftKey: true }), "other", "off")).toBeNull();
  });

  it("lists every key it maps in the help, in both languages", () => {
    const listed = KEY_HELP.flatMap((row) => row.keys);
    for (const key of ["→", "←", "PageDown", "PageUp", "Space", "Home", "0–6", "P", "F", "?", "Esc"]) expect(listed).toContain(key);
    for (const row of KEY_HELP) {
      expect(row.does.en).not.toBe("");
      expect(row.does.nb).not.toBe(row.does.en);
    }
  });
});
