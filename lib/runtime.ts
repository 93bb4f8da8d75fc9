import type { Env } from "./config";
import { configFromEnv } from "./config";
import type { Sandbox } from "./sandbox";
import { createSandbox } from "./sandbox";
import { storeFromEnv } from "./store/create";

/**
 * The server's one sandbox, built on first use from the environment. Kept on globalThis so dev
 * reloads and separately bundled route handlers share keys and the JWKS cache.
 */
const slot = globalThis as typeof globalThis & { __dialogTokenSandbox?: Promise<Sandbox> };

function sandboxFromEnv(env: Env): Promise<Sandbox> {
  const building = (slot.__dialogTokenSandbox ??= storeFromEnv(env).then((store) =>
    createSandbox(configFromEnv(env), { fetch: (input, init) => fetch(input, init), store }),
  ));
  // A failed start (Redis not up yet) must not stick: the next request tries again.
  building.catch(() => {
    if (slot.__dialogTokenSandbox === building) slot.__dialogTokenSandbox = undefined;
  });
  return building;
}

/** What every route file calls: hand the request to the sandbox. */
export async function serve(request: Request, env: Env): Promise<Response> {
  const sandbox = await sandboxFromEnv(env);
  return sandbox.handle(request);
}
