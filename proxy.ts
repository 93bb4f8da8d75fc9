import { NextResponse, type NextRequest } from "next/server";

/**
 * Next answers a path with malformed percent-encoding (e.g. `%ff`) with a bare 500 before any route
 * runs. Catch it here so bad input gets a 400 problem like every other bad input.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return new NextResponse(
      JSON.stringify({ type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1", title: "Bad Request", status: 400, detail: "The path is not valid percent-encoded UTF-8.", code: "malformed_path" }),
      { status: 400, headers: { "content-type": "application/problem+json" } },
    );
  }
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
