/** What the sandbox's command-line tools share: `--flag value` parsing, usage errors, and "was I run directly?". */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** A mistake in how the tool was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** `--name value` or `--name=value`, each known flag at most once; everything else is positional. */
export function parseArgs(argv: string[], known: ReadonlySet<string>): { positional: string[]; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let n = 0; n < argv.length; n++) {
    const arg = argv[n]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq < 0 ? argv[++n] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    flags.set(name, value);
  }
  return { positional, flags };
}

/** A whole number ≥ 0 from a flag, or undefined when the flag is absent. */
export function nonNegativeInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number of at least 0, got "${value}"`);
  return n;
}

/** True when the module at `moduleUrl` is the script Node was started with (not imported by a test). */
export function invokedDirectly(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
