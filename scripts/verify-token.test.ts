import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { TT02_JWKS, TT02_TOKEN } from "../lib/service-provider/fixtures/tt02-token";
import type { CliIo } from "./verify-token";
import { main } from "./verify-token";

const JWKS_FILE = "lib/service-provider/fixtures/tt02-jwks.json";
const AT = "2025-02-14T09:00:00Z";

function io(over: Partial<CliIo> = {}) {
  const out = { stdout: "", stderr: "" };
  const value: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    fetch: async () => new Response("no network in tests", { status: 599 }),
    readFile: (path) => readFile(path, "utf8"),
    now: () => Date.parse("2030-01-01T00:00:00Z"),
    ...over,
  };
  return { io: value, out };
}

const tampered = (() => {
  const [h, p, s] = TT02_TOKEN.split(".") as [string, string, string];
  const claims = Buffer.from(p, "base64url").toString().replace('"l":3', '"l":4');
  return `${h}.${Buffer.from(claims).toString("base64url")}.${s}`;
})();

describe("verify-token CLI", () => {
  it("accepts the real tt02 token at 2025-02-14T09:00Z with the staging JWKS file (exit 0)", async () => {
    const { io: cli, out } = io();
    const code = await main(
      [TT02_TOKEN, "--jwks", JWKS_FILE, "--now", AT, "--dialog", "0194fe82-9280-77a5-a7cd-5ff0e6a6fa07", "--action", "read", "--level", "3"],
      cli,
    );
    expect(code).toBe(0);
    const report = JSON.parse(out.stdout) as { valid: boolean; checks: { code: string; ok: boolean }[]; issuer: { source: string; note?: string } };
    expect(report.valid).toBe(true);
    expect(report.checks).toHaveLength(12);
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(report.issuer.source).toBe("token");
    expect(report.issuer.note).toMatch(/informational/);
  });

  it("exits 1 on a tampered token, an expired one, a wrong issuer or a missing action", async () => {
    const cases: Array<[string[], string]> = [
      [[tampered, "--jwks", JWKS_FILE, "--now", AT], "signature_invalid"],
      [[TT02_TOKEN, "--jwks", JWKS_FILE], "token_expired"],
      [[TT02_TOKEN, "--jwks", JWKS_FILE, "--now", AT, "--issuer", "https://platform.altinn.no/dialogporten/api/v1"], "issuer_mismatch"],
      [[TT02_TOKEN, "--jwks", JWKS_FILE, "--now", AT, "--action", "delete,urn:altinn:task:Task_1"], "action_not_in_token"],
    ];
    for (const [argv, failure] of cases) {
      const { io: cli, out } = io();
      expect(await main(argv, cli)).toBe(1);
      expect(JSON.parse(out.stdout)).toMatchObject({ valid: false, failure: { failure } });
    }
  });

  it("fetches a JWKS URL, following jwks_uri when given RFC 8414 metadata", async () => {
    const urls: string[] = [];
    const { io: cli } = io({
      fetch: async (input) => {
        urls.push(String(input));
        return String(input).endsWith("oauth-authorization-server")
          ? Response.json({ issuer: "x", jwks_uri: "https://dp.example/jwks.json" })
          : Response.json(TT02_JWKS);
      },
    });
    expect(await main([TT02_TOKEN, "--jwks", "https://dp.example/.well-known/oauth-authorization-server", "--now", AT], cli)).toBe(0);
    expect(urls).toEqual(["https://dp.example/.well-known/oauth-authorization-server", "https://dp.example/jwks.json"]);
  });

  it("exits 2 with a clear message and no stack trace on usage errors", async () => {
    const bad = [
      [],
      [TT02_TOKEN],
      [TT02_TOKEN, "--jwks"],
      [TT02_TOKEN, "--jwks", JWKS_FILE, "--now", "yesterday"],
      [TT02_TOKEN, "--jwks", JWKS_FILE, "--skew", "-1"],
      [TT02_TOKEN, "--jwks", JWKS_FILE, "--action", ",x"],
      [TT02_TOKEN, "--jwks", JWKS_FILE, "--colour"],
      [TT02_TOKEN, TT02_TOKEN, "--jwks", JWKS_FILE],
      [TT02_TOKEN, "--jwks", "/no/such/file.json"],
      [TT02_TOKEN, "--jwks", "package.json"],
      [TT02_TOKEN, "--jwks", "https://dp.example/jwks.json"],
    ];
    for (const argv of bad) {
      const { io: cli, out } = io();
      expect(await main(argv, cli), argv.join(" ")).toBe(2);
      expect(out.stdout).toBe("");
      expect(out.stderr).toMatch(/^verify-token: .+\nusage: /);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("runs as a script with tsx: exit 0 for the tt02 token, 1 when tampered", () => {
    const run = (token: string) =>
      spawnSync("npx", ["tsx", "scripts/verify-token.ts", token, "--jwks", JWKS_FILE, "--now", AT], { encoding: "utf8", timeout: 60_000 });
    const ok = run(TT02_TOKEN);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true });
    const bad = run(tampered);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, failure: { code: "signature", failure: "signature_invalid" } });
  }, 60_000);
});
