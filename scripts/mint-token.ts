/**
 * Mints a test dialog token from a running sandbox (`POST /sandbox/api/v1/dialog-tokens`) and prints it.
 *
 *   npm run -s mint-token -- --dialog <id> --action read[;write] [--level <n>] [--party <urn>] [--resource <urn>]
 *       [--consumer <urn>] [--issuer <iss>] [--iat|--nbf|--exp <unix s>] [--jti <id>] [--kid <kid>]
 *       [--typ JWT|dialogcontexttoken+jwt] [--sandbox <base URL>] [--json]
 *
 * Prints the token alone (for `TOKEN=$(…)`), or with --json the token, header and claims.
 * Exit 0: minted. Exit 2: usage error, or the sandbox refused (its problem is printed).
 */
import type { TestTokenRequest, TestTokenTyp } from "../lib/sandbox-api/client";
import { mintTestToken, TestTokenError } from "../lib/sandbox-api/client";
import type { FetchLike } from "../lib/shared/types";
import { invokedDirectly, nonNegativeInt, parseArgs, UsageError } from "./cli";

export interface MintIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch: FetchLike;
}

const USAGE =
  "usage: mint-token [--dialog <id>] [--action <a claim>] [--level <n>] [--party <urn>] [--resource <urn>] [--consumer <urn>] [--supplier <urn>] [--system-user <urn>] [--system-user-org <urn>] [--issuer <iss>] [--iat <s>] [--nbf <s>] [--exp <s>] [--jti <id>] [--kid <kid>] [--typ <typ>] [--sandbox <base URL>] [--json]";

/** Flag → claim. Flags are named for what they mean; the claims keep Dialogporten's one-letter names. */
const CLAIM_FLAGS = {
  dialog: "i",
  action: "a",
  party: "p",
  resource: "s",
  consumer: "c",
  supplier: "u",
  "system-user": "y",
  "system-user-org": "o",
  issuer: "iss",
  jti: "jti",
  kid: "kid",
  typ: "typ",
} as const;
const NUMBER_FLAGS = { level: "l", iat: "iat", nbf: "nbf", exp: "exp" } as const;
const FLAGS = new Set([...Object.keys(CLAIM_FLAGS), ...Object.keys(NUMBER_FLAGS), "sandbox"]);

export async function main(argv: string[], io: MintIo): Promise<number> {
  try {
    // --json is a switch; the shared parser knows only flags that take a value.
    const json = argv.includes("--json");
    const { positional, flags } = parseArgs(
      argv.filter((a) => a !== "--json"),
      FLAGS,
    );
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const request: Record<string, string | number> = {};
    for (const [flag, claim] of Object.entries(CLAIM_FLAGS)) {
      const value = flags.get(flag);
      if (value !== undefined) request[claim] = value;
    }
    for (const [flag, claim] of Object.entries(NUMBER_FLAGS)) {
      const value = nonNegativeInt(flags.get(flag), flag);
      if (value !== undefined) request[claim] = value;
    }
    const sandbox = flags.get("sandbox") ?? "http://localhost:3000";
    const minted = await mintTestToken(sandbox, request as TestTokenRequest & { typ?: TestTokenTyp }, io.fetch);
    io.stdout(json ? `${JSON.stringify(minted, null, 2)}\n` : `${minted.token}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mint-token: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof TestTokenError) {
      io.stderr(`mint-token: the sandbox refused (${error.status}${error.problem?.code ? ` ${error.problem.code}` : ""}): ${error.message}\n`);
      return 2;
    }
    io.stderr(`mint-token: cannot reach the sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (invokedDirectly(import.meta.url)) {
  const io: MintIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), fetch: (input, init) => fetch(input, init) };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
