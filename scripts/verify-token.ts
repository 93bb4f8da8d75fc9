/**
 * Verifies a dialog token the way the sandbox's service provider does, and prints every check as JSON.
 *
 *   npm run verify-token -- <token> --jwks <url|file> [--now <ISO time>] [--dialog <id>]
 *                           [--action <action>[,<attribute>]] [--issuer <iss>] [--skew <s>] [--level <n>]
 *
 * Exit 0: valid. Exit 1: invalid. Exit 2: usage or setup error (bad flag, JWKS not readable).
 * Works on tokens from the real Dialogporten too, e.g. with
 * lib/service-provider/fixtures/tt02-jwks.json and --now 2025-02-14T09:00:00Z.
 */
import { readFile } from "node:fs/promises";
import type { ActionRef, Jwks } from "../lib/altinn/dialog-token";
import { decodeToken } from "../lib/service-provider/decode";
import { verifyDialogToken } from "../lib/service-provider/verify";
import type { FetchLike } from "../lib/shared/types";
import { invokedDirectly, nonNegativeInt, parseArgs, UsageError } from "./cli";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch: FetchLike;
  readFile: (path: string) => Promise<string>;
  now: () => number;
}

const USAGE =
  "usage: verify-token <token> --jwks <url|file> [--now <ISO time>] [--dialog <id>] [--action <action>[,<attribute>]] [--issuer <iss>] [--skew <seconds>] [--level <n>]";
const FLAGS = new Set(["jwks", "now", "dialog", "action", "issuer", "skew", "level"]);
const DEFAULT_SKEW = 10;

function parseTokenArgs(argv: string[]): { token: string; flags: Map<string, string> } {
  const { positional, flags } = parseArgs(argv, FLAGS);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "no token given" : "give exactly one token");
  return { token: positional[0]!.trim(), flags };
}

function parseAction(value: string | undefined): ActionRef | undefined {
  if (value === undefined) return undefined;
  const comma = value.indexOf(",");
  const name = comma < 0 ? value : value.slice(0, comma);
  if (name === "" || name.includes(";")) throw new UsageError(`--action must be <action> or <action>,<attribute>, got "${value}"`);
  return comma < 0 ? { name } : { name, attribute: value.slice(comma + 1) };
}

function asJwks(value: unknown, source: string): Jwks {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new UsageError(`${source} is not a JWKS (no "keys" array)`);
  return { keys };
}

/** A URL may be the JWKS itself or an RFC 8414 metadata document whose jwks_uri is then followed once. */
async function loadJwks(source: string, io: CliIo): Promise<Jwks> {
  if (!/^https?:\/\//i.test(source)) {
    let text: string;
    try {
      text = await io.readFile(source);
    } catch {
      throw new UsageError(`cannot read JWKS file ${source}`);
    }
    try {
      return asJwks(JSON.parse(text), source);
    } catch (error) {
      throw error instanceof UsageError ? error : new UsageError(`${source} is not valid JSON`);
    }
  }
  const get = async (url: string): Promise<unknown> => {
    try {
      const response = await io.fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new UsageError(`GET ${url} answered HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      throw error instanceof UsageError ? error : new UsageError(`cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const doc = await get(source);
  const jwksUri = (doc as { jwks_uri?: unknown } | null)?.jwks_uri;
  if (typeof jwksUri === "string" && !Array.isArray((doc as { keys?: unknown }).keys)) return asJwks(await get(jwksUri), jwksUri);
  return asJwks(doc, source);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { token, flags } = parseTokenArgs(argv);
    const jwksSource = flags.get("jwks");
    if (!jwksSource) throw new UsageError("--jwks <url|file> is required");
    const nowFlag = flags.get("now");
    const now = nowFlag === undefined ? io.now() : Date.parse(nowFlag);
    if (Number.isNaN(now)) throw new UsageError(`--now must be an ISO 8601 time, got "${nowFlag}"`);
    const skewSeconds = nonNegativeInt(flags.get("skew"), "skew") ?? DEFAULT_SKEW;
    const minimumLevel = nonNegativeInt(flags.get("level"), "level");
    const action = parseAction(flags.get("action"));
    const jwks = await loadJwks(jwksSource, io);

    const flagIssuer = flags.get("issuer");
    const decoded = decodeToken(token);
    const tokenIssuer = decoded.ok && typeof decoded.payload.iss === "string" ? decoded.payload.iss : "";
    const issuer = flagIssuer ?? tokenIssuer;
    const result = await verifyDialogToken(token, { jwks, now, skewSeconds, expect: { issuer, dialogId: flags.get("dialog"), action, minimumLevel } });
    const report = {
      valid: result.valid,
      failure: result.failure ?? null,
      now: new Date(now).toISOString(),
      skewSeconds,
      issuer:
        flagIssuer !== undefined
          ? { expected: issuer, source: "--issuer" }
          : {
              expected: issuer,
              source: "token",
              note: "No --issuer given: the issuer was taken from the token itself, so the iss check is informational only.",
            },
      checks: result.checks,
      header: result.header ?? null,
      claims: result.claims ?? null,
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`verify-token: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`verify-token: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (invokedDirectly(import.meta.url)) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    fetch: (input, init) => fetch(input, init),
    readFile: (path) => readFile(path, "utf8"),
    now: () => Date.now(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
