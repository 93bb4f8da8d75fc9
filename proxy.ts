import { NextResponse, type NextRequest } from "next/server";
import { configFromEnv } from "@/lib/config";
import { apiSecurityHeaders, isApiPath, newNonce, pageSecurityHeaders } from "@/lib/shared/security-headers";
import { isLocale, LOCALE_HEADER, LOCALE_PARAM, resolveLocale } from "@/components/i18n/locale";

/**
 * Runs before every route (static assets excepted):
 * - Next answers a path with malformed percent-encoding (e.g. `%ff`) with a bare 500 before any route
 *   runs. Catch it here so bad input gets a 400 problem like every other bad input.
 * - Pages get a per-response CSP nonce and the security headers (lib/shared/security-headers.ts). The
 *   CSP goes on the request too: Next reads the nonce from there and puts it on its own scripts, which
 *   works because every page renders per request. The service provider's origin comes from the running
 *   server's environment, not the build's.
 * - Pages get the UI language (components/i18n/locale.ts) as a request header for the server components;
 *   an explicit `?lang=` is also remembered in a cookie, so the next page without it keeps the choice.
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
  const query = request.nextUrl.searchParams.get(LOCALE_PARAM);
  const locale = resolveLocale({ query, cookie: request.cookies.get(LOCALE_PARAM)?.value, acceptLanguage: request.headers.get("accept-language") });
  requestHeaders.set(LOCALE_HEADER, locale);
  const response = withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), {
    ...headers,
    "content-language": locale,
    vary: "Accept-Language, Cookie",
  });
  if (isLocale(query)) response.cookies.set(LOCALE_PARAM, query, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}

function withHeaders(response: NextResponse, headers: Readonly<Record<string, string>>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
