import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { type Instance, startInstance } from "../../e2e/support/next-instances";
import { freePort } from "../../e2e/support/processes";
import { type RunningRedis, startRedis } from "../../e2e/support/redis-server";

/**
 * The server under test, as docs/deploy.md runs it: the standalone production build under plain node
 * (e2e/support/next-instances.ts), over real HTTP on loopback. Optionally several instances sharing a
 * throwaway redis-server. Needs `npx next build` first.
 */

interface Server extends Instance {
  pid: number;
}

interface Servers {
  instances: Server[];
  redis: RunningRedis | null;
  stop(): Promise<void>;
}

export async function startServers({
  count = 1,
  redis = false,
  env = {},
}: { count?: number; redis?: boolean; env?: Record<string, string> } = {}): Promise<Servers> {
  const store = redis ? await startRedis() : null;
  if (redis && !store) throw new Error("redis-server not installed: apt-get install -y redis-server");
  const instances: Server[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    // Each instance is its own origin and service provider and calls itself; with Redis they share state.
    const instance = await startInstance({
      port,
      env: {
        SANDBOX_ORIGIN: origin,
        SANDBOX_SP_ORIGIN: origin,
        SANDBOX_INTERNAL_URL: origin,
        ...(store ? { SANDBOX_STORE: store.url } : {}),
        ...env,
      },
    });
    instances.push({ ...instance, pid: pidListeningOn(port) });
  }
  return {
    instances,
    redis: store,
    async stop() {
      await Promise.all(instances.map((s) => s.stop()));
      await store?.stop();
    },
  };
}

/**
 * The pid of the process listening on a loopback TCP port: its socket's inode from /proc/net/tcp, then
 * the process holding that inode. startInstance does not hand out the pid, and RSS and CPU need it.
 */
function pidListeningOn(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of safeRead(table).split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // someone else's process, or gone
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  throw new Error(`no process of ours listens on port ${port}`);
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Resident set size of a process, in MiB (VmRSS in /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(safeRead(`/proc/${pid}/status`))?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time a process has used so far, in ms (utime + stime from /proc/<pid>/stat, 100 ticks a second). */
export function cpuMs(pid: number): number {
  const stat = safeRead(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
