import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startManaged, waitFor } from "./processes";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STANDALONE = join(ROOT, ".next", "standalone");
const READY_PATH = "/dialogporten/api/v1/.well-known/jwks.json";

export interface Instance {
  /** `http://<host>:<port>`, the origin the instance listens on. */
  url: string;
  /** The last few KB of the server's output, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface InstanceOptions {
  port: number;
  /** Added to this process's environment (SANDBOX_STORE, SANDBOX_ORIGIN, …). */
  env?: Record<string, string>;
  /** The address to listen on (default 127.0.0.1). */
  host?: string;
  timeoutMs?: number;
}

/**
 * One production server of the current build, as a deployment runs it: `node .next/standalone/server.js`
 * (or `next start` when the build is not standalone). Resolves once the JWKS answers; stop() ends the
 * server's whole process group. Needs `next build` first. Writes only under .next/ (untracked).
 */
export async function startInstance({ port, env = {}, host = "127.0.0.1", timeoutMs = 60_000 }: InstanceOptions): Promise<Instance> {
  const standalone = existsSync(join(STANDALONE, "server.js"));
  if (!standalone && !existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");
  if (standalone) prepareStandalone();
  const [command, args, cwd] = standalone
    ? [process.execPath, [join(STANDALONE, "server.js")], STANDALONE]
    : [process.execPath, [join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", host], ROOT];
  const server = startManaged(command, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port), HOSTNAME: host },
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  try {
    await waitFor(async () => (await fetch(url + READY_PATH, { signal: AbortSignal.timeout(2000) })).ok, timeoutMs, server.exited, `server on ${url}`, 200);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  }
  return { url, output: server.output, stop: () => server.stop() };
}

let preparedFor: string | null = null;

/**
 * The standalone server does not serve .next/static (nor public/) itself; Next's docs have them copied in.
 * Done once per build: a fresh copy whenever the BUILD_ID changed, so a rebuilt app never serves stale assets.
 */
function prepareStandalone(): void {
  const buildId = readFileSync(join(ROOT, ".next", "BUILD_ID"), "utf8");
  if (preparedFor === buildId) return;
  const marker = join(STANDALONE, ".static-copied-for-build");
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== buildId) {
    rmSync(join(STANDALONE, ".next", "static"), { recursive: true, force: true });
    cpSync(join(ROOT, ".next", "static"), join(STANDALONE, ".next", "static"), { recursive: true });
    if (existsSync(join(ROOT, "public"))) cpSync(join(ROOT, "public"), join(STANDALONE, "public"), { recursive: true });
    cpSync(join(ROOT, ".next", "BUILD_ID"), marker);
  }
  preparedFor = buildId;
}
