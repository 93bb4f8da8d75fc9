import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordedRequest } from "@/lib/shared/trace";
import { curlArgs, httpRequestText, httpResponseText, shellQuote, toCurl } from "./curl";

/** What a real POSIX shell makes of the command: `curl` is replaced by a function that prints its argv, NUL-separated. */
function argvFromShell(command: string): string[] {
  const out = execFileSync("sh", ["-c", `curl() { printf '%s\\0' curl "$@"; }\n${command}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

const request = (over: Partial<RecordedRequest> = {}): RecordedRequest => ({
  method: "GET",
  url: "http://localhost:3100/service-provider/fce/019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01",
  headers: [
    ["authorization", "Bearer eyJhbGciOiJFZERTQSJ9.eyJhIjoicmVhZCJ9.c2ln"],
    ["accept", "text/markdown"],
    ["sandbox-trace", "on"],
  ],
  body: null,
  ...over,
});

describe("shellQuote", () => {
  it("leaves safe words alone and single-quotes the rest", () => {
    expect(shellQuote("http://a.b/c")).toBe("http://a.b/c");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  // Each run starts a real shell; on a busy machine 60 of them can take longer than the default 5 s.
  it("survives a real shell for any string, including quotes, $, backticks, backslashes and newlines", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "binary" }).map((s) => s.replace(/\0/g, "")),
          { maxLength: 4 },
        ),
        (values) => {
          expect(argvFromShell(`curl ${values.map(shellQuote).join(" ")}`)).toEqual(["curl", ...values]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("toCurl", () => {
  it("repeats method, headers, body and URL, and drops the sandbox's own trace header", () => {
    const args = curlArgs(request());
    expect(args).toEqual([
      "curl",
      "-i",
      "-H",
      "authorization: Bearer eyJhbGciOiJFZERTQSJ9.eyJhIjoicmVhZCJ9.c2ln",
      "-H",
      "accept: text/markdown",
      "http://localhost:3100/service-provider/fce/019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01",
    ]);
  });

  it("is parsed by a shell back into exactly those arguments", () => {
    const r = request({ method: "POST", body: `{"q":"it's $HOME \`id\` \\n"}`, headers: [["content-type", "application/json"]] });
    expect(argvFromShell(toCurl(r))).toEqual(curlArgs(r));
    expect(curlArgs(r)).toContain("-X");
  });

  it("keeps -X for a body-less write action", () => {
    expect(curlArgs(request({ method: "DELETE" }))).toEqual(expect.arrayContaining(["-X", "DELETE"]));
  });
});

describe("httpRequestText", () => {
  it("writes an HTTP/1.1 request message", () => {
    expect(httpRequestText(request({ headers: [] }))).toBe("GET /service-provider/fce/019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01 HTTP/1.1\nhost: localhost:3100\n\n");
  });
});

describe("copies keep the API's headers apart from the framework's and the sandbox's", () => {
  const noisy = request({
    headers: [
      ["authorization", "Bearer x.y.z"],
      ["sandbox-trace", "on"],
      ["sandbox-workspace", "ws-1"],
      ["connection", "keep-alive"],
      ["content-length", "0"],
    ],
  });

  it("leave out transport headers and the sandbox's, unless the sandbox's are asked for (sandbox-trace never)", () => {
    expect(curlArgs(noisy)).toEqual(["curl", "-i", "-H", "authorization: Bearer x.y.z", noisy.url]);
    expect(curlArgs(noisy, true)).toEqual(["curl", "-i", "-H", "authorization: Bearer x.y.z", "-H", "sandbox-workspace: ws-1", noisy.url]);
    expect(httpRequestText(noisy)).not.toMatch(/sandbox-|connection|content-length/);
    expect(httpRequestText(noisy, true)).toContain("sandbox-workspace: ws-1");
  });

  it("drop Next's router entries from vary but keep the API's", () => {
    const text = httpResponseText({
      status: 200,
      statusText: "OK",
      headers: [
        ["content-type", "application/json"],
        ["vary", "rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding"],
        ["date", "Wed, 02 Dec 2026 10:00:00 GMT"],
        ["transfer-encoding", "chunked"],
      ],
      body: "{}",
    });
    expect(text).toBe("HTTP/1.1 200 OK\ncontent-type: application/json\nvary: Accept-Encoding\n\n{}");
  });
});
