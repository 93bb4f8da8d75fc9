/**
 * The one wait in the code base: simulated latency, a retry pause, a queued write, a UI step.
 * An abort ends the wait at once and resolves rather than rejects: every caller here merely waits,
 * and one that must stop checks `signal.aborted` (or its own flag) afterwards. Ending early also
 * clears the timer, so a caller that has gone away holds nothing open.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (!Number.isFinite(ms) || ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}
