import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanUpOnExit, findExecutable, freePort, isExecutable, startManaged, waitFor } from "./processes";

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/**
 * The redis-server binary to run, or null when there is none. REDIS_SERVER names one explicitly (a path
 * that is not an executable counts as none, which is also how to try the skipped path).
 */
export function redisServerPath(): string | null {
  const named = process.env.REDIS_SERVER;
  if (named === undefined || named === "") return findExecutable("redis-server");
  return isExecutable(named) ? named : null;
}

export const REDIS_MISSING = "redis-server not installed: apt-get install -y redis-server";

/**
 * A throwaway redis-server on a free loopback port, in memory only (no RDB, no AOF), its working directory
 * a temporary folder that stop() deletes. Null when no redis-server is installed, so callers can skip.
 */
export async function startRedis(): Promise<RunningRedis | null> {
  const binary = redisServerPath();
  if (!binary) return null;
  let lastError: unknown;
  // The port was free when chosen; another process may take it before redis binds, so try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "sandbox-redis-"));
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"];
    const server = startManaged(binary, args, { cwd: dir });
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    const cancelCleanup = cleanUpOnExit(removeDir);
    const stop = async () => {
      await server.stop();
      removeDir();
      cancelCleanup();
    };
    try {
      await waitFor(() => ping(port), 10_000, server.exited, "redis-server");
      return { url: `redis://127.0.0.1:${port}`, stop };
    } catch (error) {
      lastError = new Error(`${(error as Error).message}\n${server.output()}`);
      await stop();
    }
  }
  throw lastError;
}

/** One PING over a raw socket: true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
