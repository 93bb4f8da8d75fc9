import { NextResponse, type NextRequest } from "next/server";
import { configFromEnv } from "@/lib/config";
import { apiSecurityHeaders, isApiPath, newNonce, pageSecurityHeaders } from "@/lib/shared/security-headers";

/**
 * Runs before every route (static assets excepted):
 * - Next answers a path with malformed percent-encoding (e.g. `%ff`) with a bare 500 before any route
 *   runs. Catch it here so bad input gets a 400 problem like every other bad input.
 * - Pages get a per-response CSP nonce and the security headers (lib/shared/security-headers.ts). The
 *   CSP goes on the request too: Next reads the nonce from there and puts it on its own scripts, which
 *   works because every page renders per request. The service provider's origin comes from the running
 *   server's environment, not the build's.
 * - The mock APIs keep their own headers, plus `nosniff`.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse(
      JSON.stringify({
        type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
        title: "Bad Request",
        status: 400,
        detail: "The path is not valid percent-encoded UTF-8.",
        code: "malformed_path",
      }),
      { status: 400, headers: { "content-type": "application/problem+json", ...apiSecurityHeaders() } },
    );
  }
  if (isApiPath(pathname)) return withHeaders(NextResponse.next(), apiSecurityHeaders());

  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    serviceProviderOrigin: configFromEnv(process.env).serviceProviderOrigin,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Readonly<Record<string, string>>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
