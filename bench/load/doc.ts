import { existsSync, readFileSync, writeFileSync } from "node:fs";

const DOC = new URL("../../docs/benchmarks.md", import.meta.url);

/**
 * Puts `body` between `<!-- bench:<name>:start -->` and `…:end -->` in docs/benchmarks.md, replacing the
 * previous run's figures and nothing else (other sections are written by other scripts and people).
 */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const s = current.indexOf(start);
  const e = current.indexOf(end);
  const next = s >= 0 && e > s ? `${current.slice(0, s)}${section}${current.slice(e + end.length)}` : `${current.replace(/\n*$/, "\n\n")}${section}\n`;
  writeFileSync(DOC, next);
  console.log(`Wrote the ${name} section of ${DOC.pathname}`);
}

/** `--name value` from argv as a positive number, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export const flag = (name: string) => process.argv.slice(2).includes(name);
