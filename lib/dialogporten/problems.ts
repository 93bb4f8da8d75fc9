import type { DialogportenCode } from "./codes";
import { problem } from "./codes";

/**
 * The bodies Dialogporten's `ErrorResponseBuilderExtensions.ResponseBuilder` writes, per status: RFC 7231
 * `type` URIs, its own titles, and an `errors` dictionary on the validation-style answers
 * (docs/real-systems.md §9). `detail` is only set where the real one sets it (406, 502).
 */
const REAL: Record<number, { title: string; type: string; detail?: string; errors: boolean }> = {
  400: { title: "One or more validation errors occurred.", type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1", errors: true },
  403: { title: "Forbidden.", type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3", errors: true },
  404: { title: "Resource not found.", type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4", errors: true },
  406: {
    title: "Requested content type is not acceptable.",
    detail: "The Accept header must allow JSON responses.",
    type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6",
    errors: true,
  },
  410: { title: "Resource no longer available.", type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.9", errors: true },
  502: {
    title: "Bad gateway.",
    detail: "An upstream server is down or returned an invalid response. Please try again later.",
    type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.3",
    errors: false,
  },
};

type RealStatus = 400 | 403 | 404 | 406 | 410 | 502;

/** The entity name the real one puts in `errors` keys and messages (`typeof(DialogEntity).Name`). */
const ENTITY = "DialogEntity";

/**
 * The request path as the real API sees it: its gateway strips the `/dialogporten` prefix before the
 * request reaches the application, so `instance` starts at `/api/v1/…`.
 */
export function realInstance(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/dialogporten(?=\/api\/)/, "");
}

/**
 * An end-user API problem as the real one writes it. The sandbox's stable `code` rides along as an
 * extension member: the real ProblemDetails schema declares a nullable `code` and never fills it, so a
 * real client's model already accepts it (README, "What the sandbox adds").
 */
export function realProblem(
  request: Request,
  status: RealStatus,
  code: DialogportenCode,
  errors: Record<string, string[]> = {},
  headers?: HeadersInit,
): Response {
  const shape = REAL[status]!;
  return problem({
    status,
    title: shape.title,
    type: shape.type,
    code,
    ...(shape.detail !== undefined && { detail: shape.detail }),
    instance: realInstance(request),
    ...(shape.errors && { errors }),
    headers,
  });
}

/** `EntityNotFound<DialogEntity>.ToValidationResults()`. */
export const notFoundErrors = (id: string) => ({ [ENTITY]: [`Entity '${ENTITY}' with the following key(s) was not found: (${id}).`] });

/** `EntityDeleted<DialogEntity>.ToValidationResults()`. */
export const deletedErrors = (id: string) => ({ [ENTITY]: [`Entity '${ENTITY}' with the following key(s) is removed: (${id}).`] });

/** `EntityNotVisible` / `EntityExpired`: .NET's `:s` format is the sortable date without fraction or zone. */
const sortable = (iso: string) => new Date(iso).toISOString().slice(0, 19);
export const notVisibleErrors = (visibleFrom: string) => ({ [ENTITY]: [`Dialog is not visible until ${sortable(visibleFrom)}`] });
export const expiredErrors = (expiresAt: string) => ({ [ENTITY]: [`Dialog expired at ${sortable(expiresAt)}`] });

/** `Forbidden(reason).ToValidationResults()`: every reason under the key "Forbidden". */
export const forbiddenErrors = (reason: string) => ({ Forbidden: [reason] });
