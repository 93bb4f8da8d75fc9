/**
 * Runs every catalogue attack that applies to a service provider against your endpoint.
 *
 *   npm run conformance -- --target <URL with {dialogId}> --action <action[,attribute]>
 *       [--method GET|POST|PUT|PATCH|DELETE] [--dialog <id>] [--sandbox <base URL>]
 *       [--format text|json|junit] [--out <file>] [--wait <seconds>]
 *
 * The provider must trust the sandbox's JWKS and issuer. Exit 0: the valid token was accepted and every
 * attack refused with a 4xx. Exit 1: findings (each named by catalogue id). Exit 2: usage or setup error.
 */
import { writeFile } from "node:fs/promises";
import type { ConformanceReport, Method } from "../lib/conformance/run";
import { METHODS, optionsProblem, runConformance } from "../lib/conformance/run";
import type { Format } from "../lib/conformance/report";
import { FORMATS, formatReport, summaryLine } from "../lib/conformance/report";
import { directSend } from "../lib/conformance/send";
import { TestTokenError } from "../lib/sandbox-api/client";
import { DIALOG_ID } from "../lib/seed/dialogs";
import type { FetchLike } from "../lib/shared/types";
import { invokedDirectly, nonNegativeInt, parseArgs, UsageError } from "./cli";

export interface ConformanceIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch: FetchLike;
  writeFile: (path: string, text: string) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

const USAGE =
  "usage: conformance --target <URL with {dialogId}> --action <action[,attribute]> [--method GET|POST|PUT|PATCH|DELETE] [--dialog <id>] [--sandbox <base URL>] [--format text|json|junit] [--out <file>] [--wait <seconds>]";
const FLAGS = new Set(["target", "action", "method", "dialog", "sandbox", "format", "out", "wait"]);
/** The sandbox's VAT return: a dialog the sandbox's own provider serves, so the first run works out of the box. */
const DEFAULT_DIALOG = DIALOG_ID.vatReturn;
const DEFAULT_SANDBOX = "http://localhost:3000";

/** Waits until the sandbox publishes its JWKS (it may still be building when CI starts this), at most `seconds`. */
async function waitForSandbox(sandbox: string, seconds: number, io: ConformanceIo): Promise<void> {
  for (let tries = 0; tries <= seconds; tries++) {
    const up = await io.fetch(`${sandbox}/dialogporten/api/v1/.well-known/jwks.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (tries < seconds) await io.sleep(1000);
  }
  throw new Error(`the sandbox at ${sandbox} did not come up within ${seconds} s`);
}

export async function main(argv: string[], io: ConformanceIo): Promise<number> {
  let report: ConformanceReport;
  let format: Format;
  let out: string | undefined;
  try {
    const { positional, flags } = parseArgs(argv, FLAGS);
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const target = flags.get("target");
    const action = flags.get("action");
    if (!target || !action) throw new UsageError("--target and --action are required");
    const method = (flags.get("method") ?? "GET").toUpperCase() as Method;
    format = (flags.get("format") ?? "text") as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(", ")}`);
    out = flags.get("out");
    const options = { target, action, method, dialogId: flags.get("dialog") ?? DEFAULT_DIALOG, sandbox: flags.get("sandbox") ?? DEFAULT_SANDBOX };
    const problem = optionsProblem(options);
    if (problem) throw new UsageError(problem);
    if (!/^https?:\/\/[^/]+/.test(options.sandbox)) throw new UsageError("--sandbox is the sandbox's base URL, e.g. http://localhost:3000");
    const wait = nonNegativeInt(flags.get("wait"), "wait");
    if (wait !== undefined) await waitForSandbox(options.sandbox.replace(/\/+$/, ""), wait, io);
    report = await runConformance(options, {
      fetch: io.fetch,
      send: directSend(io.fetch),
      onResult: (r) => io.stderr(`${r.skipped ? "-" : r.passed ? "✔" : "✘"} ${r.id}\n`),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`conformance: ${error.message}\n${USAGE}\nmethods: ${METHODS.join(", ")}\n`);
      return 2;
    }
    const why = error instanceof TestTokenError ? `the sandbox refused a test token: ${error.message}` : error instanceof Error ? error.message : String(error);
    io.stderr(`conformance: cannot run: ${why}\nIs the sandbox running at --sandbox, with SANDBOX_TEST_TOKENS on?\n`);
    return 2;
  }
  const text = formatReport(report, format);
  if (out) {
    await io.writeFile(out, text);
    io.stdout(`${summaryLine(report)}\nReport written to ${out}.\n`);
  } else io.stdout(text);
  return report.passed ? 0 : 1;
}

if (invokedDirectly(import.meta.url)) {
  const io: ConformanceIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    fetch: (input, init) => fetch(input, init),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
