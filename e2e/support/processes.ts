import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";

/**
 * Child processes for tests that need real servers. Each runs in its own process group (detached), so
 * stopping it also stops anything it started, and a test run that dies still takes them down on exit.
 */

const running = new Set<ChildProcess>();

const leftovers = new Set<() => void>();

const killAll = () => {
  for (const child of running) killGroup(child, "SIGKILL");
  for (const cleanup of leftovers) cleanup();
};

/** Runs `cleanup` (synchronous) if the process ends before the returned function is called to cancel it. */
export function cleanUpOnExit(cleanup: () => void): () => void {
  leftovers.add(cleanup);
  return () => leftovers.delete(cleanup);
}
process.once("exit", killAll);
// Ctrl-C or a runner's SIGTERM ends a process without an 'exit' event: take the children down first, then
// let the signal do what it would have done (unless the host handles it itself).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  const onSignal = () => {
    killAll();
    if (process.listenerCount(signal) === 1) {
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    }
  };
  process.on(signal, onSignal);
}

export interface Managed {
  child: ChildProcess;
  /** The last few KB of the child's stdout and stderr, for error messages. */
  output(): string;
  /** Resolves with the exit code once the child has exited. */
  exited: Promise<number | null>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the child has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function startManaged(command: string, args: string[], options: SpawnOptions = {}): Managed {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    });
    child.once("error", (error) => {
      keep(Buffer.from(String(error)));
      running.delete(child);
      resolve(null);
    });
  });
  return {
    child,
    output: () => tail,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null || !running.has(child)) return;
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A TCP port that was free a moment ago (the caller retries if someone takes it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The path of an executable on PATH (or in the usual system folders), or null. */
export function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/local/bin", "/usr/sbin"];
  return (
    dirs
      .filter(Boolean)
      .map((dir) => join(dir, name))
      .find(isExecutable) ?? null
  );
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Polls `probe` every `everyMs` until it returns true; rejects after `timeoutMs` or when `abort` settles first. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, abort: Promise<unknown>, what: string, everyMs = 100): Promise<void> {
  let aborted = false;
  void abort.then(() => (aborted = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`${what}: the process exited before it was ready`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what}: not ready within ${timeoutMs} ms`);
}
