// `npm start`: install when needed, build when needed, then serve the sandbox.
// Stopping this script (Ctrl-C, kill <pid>) stops the server; it exits with the server's code.
import { buildIfStale, ensureDependencies, ensurePortFree, next, portFrom, run } from "./lib.mjs";

const port = portFrom("PORT", "3000");
await ensureDependencies();
// Before the build (fail in a second, not after a minute) and again after it (someone may have taken it meanwhile).
await ensurePortFree(port);
await buildIfStale();
await ensurePortFree(port);

const origin = `http://localhost:${port}`;
const server = run(...next("start", "-p", String(port)), { env: { PORT: String(port) } });

// The banner only once the sandbox answers: an address that is not served yet is no help.
const ready = await Promise.race([server.then(() => false), answers(`${origin}/dialogporten/api/v1/.well-known/jwks.json`)]);
if (ready) {
  const keys = process.env.SANDBOX_SEED ? "SANDBOX_SEED" : "the PUBLIC default seed — not secret";
  console.log(`› Dialog Token Sandbox on ${origin}  (keys derive from ${keys}; Ctrl-C stops it)`);
}
const code = await server;
if (!ready) console.error(`The server stopped before it answered on ${origin} (exit code ${code}); its own messages are above.`);
process.exit(code);

/** Resolves to true once `url` answers at all; retries while nothing listens. */
async function answers(url) {
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
