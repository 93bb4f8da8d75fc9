import { http, passthrough } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvider } from "@/e2e/providers/provider.mjs";
import { issuerOf } from "@/lib/config";
import { decodeText } from "@/lib/shared/base64url";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { main, type ConformanceIo } from "./conformance";
import { main as mint, type MintIo } from "./mint-token";

// Both command-line tools against the in-process sandbox (MSW) and a real provider on loopback.
const suite = sandboxSuite();
let provider: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  provider = await startProvider({
    flaw: "no-issuer-pin",
    action: "read",
    jwksUrl: `${issuerOf(suite.sandbox.config)}/.well-known/jwks.json`,
    issuer: issuerOf(suite.sandbox.config),
  });
});
afterAll(() => provider.close());

function io() {
  const out = { stdout: "", stderr: "", files: new Map<string, string>(), slept: 0 };
  const value: ConformanceIo & MintIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    fetch: (i, init) => fetch(i, init),
    writeFile: async (path, text) => void out.files.set(path, text),
    sleep: async () => void (out.slept += 1),
  };
  return { io: value, out };
}
const sandboxFlag = () => ["--sandbox", suite.sandbox.config.origin];

describe("npm run conformance", () => {
  it("exits 1 naming the finding, and writes a JUnit report with one test per attack", async () => {
    suite.server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
    const { io: cli, out } = io();
    const code = await main(["--target", provider.url, "--action", "read", ...sandboxFlag(), "--format", "junit", "--out", "report.xml"], cli);
    expect(code).toBe(1);
    expect(out.stdout).toMatch(/^FAIL: valid token accepted; \d+ of \d+ attacks refused; 1 finding\.\nReport written to report.xml\.\n$/);
    const junit = out.files.get("report.xml")!;
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="dialog-token conformance" tests="\d+" failures="1" skipped="0">/);
    expect(junit).toContain(
      '<testcase classname="dialog-token-conformance.attacks" name="issuer-other-environment: Wrong iss: another environment&#39;s token">',
    );
  });

  it("exits 0 for the sandbox's own provider, with a text report", async () => {
    const { io: cli, out } = io();
    const target = `${suite.sandbox.config.serviceProviderOrigin}/service-provider/fce/{dialogId}`;
    expect(await main(["--target", target, "--action", "read", ...sandboxFlag(), "--wait", "60"], cli)).toBe(0);
    expect(out.slept).toBe(0);
    expect(out.stdout).toMatch(/✔ valid-token/);
    expect(out.stdout.trim().split("\n").at(-1)).toMatch(/^PASS: /);
  });

  it("exits 2 with the usage for bad options, and when the sandbox mints nothing", async () => {
    for (const argv of [
      [],
      ["--target", "http://127.0.0.1:1/x", "--action", "read"],
      ["--target", "http://127.0.0.1:1/{dialogId}", "--action", "read", "--method", "TRACE"],
      ["--target", "x{dialogId}", "--action", "read", "--format", "xml"],
      ["--bogus", "1"],
    ]) {
      const { io: cli, out } = io();
      expect(await main(argv, cli), argv.join(" ")).toBe(2);
      expect(out.stderr).toMatch(/usage: conformance/);
    }
    suite.server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
    const { io: cli, out } = io();
    // Nothing listens on the discard port: no sandbox, no test tokens.
    expect(await main(["--target", provider.url, "--action", "read", "--sandbox", "http://127.0.0.1:9"], cli)).toBe(2);
    expect(out.stderr).toMatch(/cannot run/);
    const waited = io();
    expect(await main(["--target", provider.url, "--action", "read", "--sandbox", "http://127.0.0.1:9", "--wait", "3"], waited.io)).toBe(2);
    expect(waited.out.stderr).toMatch(/did not come up within 3 s/);
    expect(waited.out.slept).toBe(3);
  });
});

describe("npm run mint-token", () => {
  it("prints a token with the claims asked for, or everything with --json", async () => {
    const { io: cli, out } = io();
    expect(
      await mint(["--dialog", "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01", "--action", "read;write", "--level", "4", "--exp", "2000000000", ...sandboxFlag()], cli),
    ).toBe(0);
    const claims = JSON.parse(decodeText(out.stdout.trim().split(".")[1]!)!) as Record<string, unknown>;
    expect(claims).toMatchObject({ i: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01", a: "read;write", l: 4, exp: 2_000_000_000 });
    const json = io();
    expect(await mint(["--json", ...sandboxFlag()], json.io)).toBe(0);
    expect(JSON.parse(json.out.stdout)).toMatchObject({ token: expect.any(String), header: { alg: "EdDSA", typ: "JWT" }, claims: { a: "read" } });
  });

  it("exits 2 with the sandbox's reason when it refuses, and on bad flags", async () => {
    const { io: cli, out } = io();
    expect(await mint(["--kid", "nope", ...sandboxFlag()], cli)).toBe(2);
    expect(out.stderr).toMatch(/refused \(400 kid_unknown\)/);
    const bad = io();
    expect(await mint(["--level", "high"], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/usage: mint-token/);
  });
});
