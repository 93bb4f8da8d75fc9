/**
 * A call to the sandbox's own API from the browser, as the UI reports it: the answer, or the problem's
 * stable code and detail (RFC 9457) so a refusal such as 409 `key_too_new` is shown in its own words.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export async function sandboxCall<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch (error) {
    return { ok: false, status: 0, code: "network_error", detail: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the status line is all there is to say.
  }
  if (response.ok) return { ok: true, value: body as T };
  return {
    ok: false,
    status: response.status,
    code: isObject(body) && typeof body.code === "string" ? body.code : `http_${response.status}`,
    detail: isObject(body) && typeof body.detail === "string" ? body.detail : `${response.status} ${response.statusText}`.trim(),
  };
}

/** A JSON request body for `sandboxCall`. */
export const jsonBody = (method: string, value: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});
