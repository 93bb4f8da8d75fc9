import type { RecordedRequest, RecordedResponse } from "@/lib/shared/trace";
import { headersToCopy } from "./headers";

/** POSIX shell single-quoting: everything is literal inside '…'; a ' becomes '\'' . */
export function shellQuote(value: string): string {
  if (value !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The argv of a curl command that repeats the request from a terminal (`-i` prints the status line and
 * headers too). Headers the transport adds (curl sets its own) are left out, and the sandbox's unless
 * `withSandbox` — needed to reach the same workspace, but not part of the real API.
 */
export function curlArgs(request: RecordedRequest, withSandbox = false): string[] {
  const args = ["curl", "-i"];
  const method = request.method.toUpperCase();
  if (method !== "GET" || request.body) args.push("-X", method);
  for (const [name, value] of headersToCopy(request.headers, withSandbox)) args.push("-H", `${name}: ${value}`);
  if (request.body !== null && request.body !== "") args.push("--data-raw", request.body);
  args.push(request.url);
  return args;
}

/** A copy-pasteable curl command, one option per line. */
export function toCurl(request: RecordedRequest, withSandbox = false): string {
  const args = curlArgs(request, withSandbox);
  const parts: string[] = [`${args[0]} ${args[1]}`]; // "curl -i"
  for (let i = 2; i < args.length; i++) {
    const arg = args[i]!;
    const takesValue = arg === "-X" || arg === "-H" || arg === "--data-raw";
    if (takesValue && i + 1 < args.length) {
      parts.push(`${arg} ${shellQuote(args[++i]!)}`);
    } else {
      parts.push(shellQuote(arg));
    }
  }
  return parts.join(" \\\n  ");
}

function target(url: string): { path: string; host: string } {
  try {
    const u = new URL(url);
    return { path: u.pathname + u.search, host: u.host };
  } catch {
    return { path: url, host: "" };
  }
}

const fields = (headers: RecordedRequest["headers"], withSandbox: boolean) => headersToCopy(headers, withSandbox).map(([k, v]) => `${k}: ${v}`);

/** The request as an HTTP/1.1 message, for the "copy request" button: the API's headers, the sandbox's only when asked. */
export function httpRequestText(request: RecordedRequest, withSandbox = false): string {
  const { path, host } = target(request.url);
  const lines = [`${request.method} ${path} HTTP/1.1`, `host: ${host}`, ...fields(request.headers, withSandbox)];
  return `${lines.join("\n")}\n\n${request.body ?? ""}`;
}

/** The response as an HTTP/1.1 message, without what Next.js or the transport added (see ./headers.ts). */
export function httpResponseText(response: RecordedResponse, withSandbox = false): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`.trim(), ...fields(response.headers, withSandbox)];
  return `${lines.join("\n")}\n\n${response.body ?? ""}`;
}
