import type { Env } from "./config";
import { serve } from "./runtime";

/** The HTTP methods every service route file exports; each one hands the request to the sandbox. */
export function routeMethods(env: Env) {
  const handle = (request: Request) => serve(request, env);
  return { GET: handle, HEAD: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle, OPTIONS: handle };
}
