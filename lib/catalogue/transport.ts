import type { Transport } from "./types";

/**
 * Puts the token where a transport says: the one right place (Authorization: Bearer) or one of the wrong
 * ones a client gets wrong. Shared by the catalogue runner and the conformance runner, so both send the
 * same bytes. Returns the URL to call; `headers` is changed in place.
 */
export function carry(transport: Transport, url: string, headers: Headers, token: string, secondToken: string): string {
  switch (transport) {
    case "bearer":
      headers.set("authorization", `Bearer ${token}`);
      return url;
    case "query":
      return `${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(token)}`;
    case "cookie":
      headers.set("cookie", `dialog_token=${token}`);
      return url;
    case "two-headers":
      // fetch joins the two into one field, "Bearer …, Bearer …", as a proxy appending its own would.
      headers.append("authorization", `Bearer ${token}`);
      headers.append("authorization", `Bearer ${secondToken}`);
      return url;
    case "quoted":
      headers.set("authorization", `Bearer ${JSON.stringify(token)}`);
      return url;
  }
}
