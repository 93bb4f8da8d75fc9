import { expect, test } from "./fixtures";
import { DIALOG_ID } from "../lib/seed/dialogs";

// Bad input of any kind gets a clear 4xx with a problem+json body — never a 5xx, never a stack trace.
const GUID = DIALOG_ID.vatReturn;
type Junk = { method: string; path: string; headers?: Record<string, string>; body?: string };

const ENDPOINTS = [
  `/dialogporten/api/v1/enduser/dialogs/${GUID}`,
  "/dialogporten/api/v1/.well-known/jwks.json",
  "/dialogporten/api/v1/.well-known/oauth-authorization-server",
  "/authorization/api/v1/authorize",
  `/service-provider/fce/${GUID}`,
  `/service-provider/actions/${GUID}/write`,
  "/id-porten/token",
  "/maskinporten/token",
];

const JUNK: Junk[] = [
  ...ENDPOINTS.flatMap((path): Junk[] => [
    { method: "GET", path, headers: { authorization: "Bearer x.y.z" } },
    { method: "POST", path, headers: { "content-type": "application/json" }, body: "{not json" },
    { method: "POST", path, headers: { "content-type": "application/json" }, body: "[]" },
    { method: "POST", path, headers: { "content-type": "text/plain" }, body: "\u0000\u0001\u0002" },
    { method: "PUT", path, body: "x".repeat(300_000), headers: { "content-type": "application/json" } },
    { method: "DELETE", path, headers: { authorization: "Basic Zm9vOmJhcg==" } },
    { method: "PATCH", path, headers: { authorization: "Bearer " } },
    { method: "GET", path: `${path}/extra/segments`, headers: { accept: "text/html" } },
    { method: "GET", path: `${path}?access_token=abc&x=%ZZ`, headers: { accept: "application/xml" } },
  ]),
  { method: "GET", path: "/dialogporten/api/v1/enduser/dialogs/not-a-guid" },
  { method: "GET", path: "/dialogporten/api/v1/enduser/dialogs/%ff" },
  { method: "GET", path: "/dialogporten/api/v1/enduser/dialogs/%00" },
  { method: "GET", path: "/dialogporten/api/v1/enduser/dialogs/..%2f..%2fetc%2fpasswd" },
  { method: "GET", path: `/dialogporten/api/v1/enduser/dialogs/${GUID}`, headers: { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0." } },
  { method: "GET", path: `/service-provider/fce/${GUID}`, headers: { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0." } },
  { method: "GET", path: "/service-provider/fce/%ff" },
  {
    method: "POST",
    path: "/authorization/api/v1/authorize",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ Request: { AccessSubject: "x" } }),
  },
  { method: "POST", path: "/authorization/api/v1/authorize", headers: { "content-type": "application/json" }, body: "null" },
  { method: "POST", path: "/id-porten/token", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=password&persona=kari" },
  {
    method: "POST",
    path: "/id-porten/token",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=urn:sandbox:params:oauth:grant-type:persona&persona=system-user",
  },
];

test("every endpoint answers junk with a 4xx, never a 5xx", async ({ request }) => {
  const failures: string[] = [];
  for (const j of JUNK) {
    const res = await request.fetch(j.path, { method: j.method, headers: j.headers, data: j.body, failOnStatusCode: false, maxRedirects: 0 });
    const status = res.status();
    const type = res.headers()["content-type"] ?? "";
    const text = await res.text();
    if (status >= 500) failures.push(`${j.method} ${j.path} → ${status}`);
    else if (status >= 400 && !/^application\/(problem\+)?json/.test(type))
      failures.push(`${j.method} ${j.path} → ${status} with ${type || "no content-type"}`);
    if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(text)) failures.push(`${j.method} ${j.path} leaks internals`);
  }
  expect(failures).toEqual([]);
});
