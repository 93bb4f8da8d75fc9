import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { delay } from "./delay";

// Fake timers: the tests say when time passes, so nothing here depends on how busy the machine is.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Settles pending microtasks and reports whether the promise has resolved. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe("delay", () => {
  it("resolves once the time has passed, not before", async () => {
    const p = delay(500);
    expect(await settled(p)).toBe(false);
    await vi.advanceTimersByTimeAsync(499);
    expect(await settled(p)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(p)).toBe(true);
  });

  it("ends at once when the signal aborts, and leaves no timer behind", async () => {
    const controller = new AbortController();
    const p = delay(10_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await settled(p)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not start a timer for an aborted signal, zero, a negative or a non-finite time", async () => {
    const aborted = AbortSignal.abort();
    for (const p of [delay(1000, aborted), delay(0), delay(-5), delay(Number.NaN), delay(Number.POSITIVE_INFINITY)]) {
      expect(await settled(p)).toBe(true);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops listening to the signal once the time has passed", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const p = delay(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    expect(await settled(p)).toBe(true);
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });
});
