import type { RecordedRequest, RecordedResponse } from "@/lib/shared/trace";

/** Headers the sandbox adds for itself or that curl sets on its own; leaving them out keeps the command honest and short. */
const OMIT = new Set(["sandbox-trace", "content-length", "host", "connection"]);

/** POSIX shell single-quoting: everything is literal inside '…'; a ' becomes '\'' . */
export function shellQuote(value: string): string {
  if (value !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The argv of a curl command that repeats the request from a terminal (`-i` prints the status line and headers too). */
export function curlArgs(request: RecordedRequest): string[] {
  const args = ["curl", "-i"];
  const method = request.method.toUpperCase();
  if (method !== "GET" || request.body) args.push("-X", method);
  for (const [name, value] of request.headers) {
    if (!OMIT.has(name.toLowerCase())) args.push("-H", `${name}: ${value}`);
  }
  if (request.body !== null && request.body !== "") args.push("--data-raw", request.body);
  args.push(request.url);
  return args;
}

/** A copy-pasteable curl command, one option per line. */
export function toCurl(request: RecordedRequest): string {
  const args = curlArgs(request);
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

/** The request as an HTTP/1.1 message, for the "copy request" button. */
export function httpRequestText(request: RecordedRequest): string {
  const { path, host } = target(request.url);
  const lines = [`${request.method} ${path} HTTP/1.1`, `host: ${host}`, ...request.headers.map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join("\n")}\n\n${request.body ?? ""}`;
}

export function httpResponseText(response: RecordedResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`.trim(), ...response.headers.map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join("\n")}\n\n${response.body ?? ""}`;
}
