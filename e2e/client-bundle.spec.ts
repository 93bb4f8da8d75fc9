import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";
import { PUBLIC_DEFAULT_SEED } from "../lib/keys/keys";

const staticDir = fileURLToPath(new URL("../.next/static", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The 32-byte private seeds the server derives (lib/keys: sha256(seed \0 role)), in every spelling a bundle could hold them. */
function privateSpellings(seed: string): string[] {
  return ["dialogporten/primary", "dialogporten/secondary", "id-porten/signing"].flatMap((role) => {
    const bytes = createHash("sha256").update(`${seed}\u0000${role}`).digest();
    const b64 = bytes.toString("base64");
    return [bytes.toString("base64url"), b64, b64.replace(/=+$/, ""), bytes.toString("hex")];
  });
}

// Everything the browser can download lives in .next/static; none of it may carry signing material.
test("the client bundle holds no private key material", () => {
  test.skip(!existsSync(staticDir), "no production build in .next");
  const js = files(staticDir).filter((f) => /\.(js|mjs|map)$/.test(f));
  expect(js.length, "client chunks were found").toBeGreaterThan(0);
  const forbidden = [
    PUBLIC_DEFAULT_SEED,
    ...(process.env.SANDBOX_SEED ? [process.env.SANDBOX_SEED] : []),
    ...privateSpellings(process.env.SANDBOX_SEED || PUBLIC_DEFAULT_SEED),
    "privateComponent",
    "PrivateComponent",
    '"pkcs8"',
    "BEGIN PRIVATE KEY",
  ];
  const hits: string[] = [];
  for (const file of js) {
    const text = readFileSync(file, "utf8");
    for (const needle of forbidden) if (text.includes(needle)) hits.push(`${file.slice(staticDir.length)}: ${needle}`);
    // A JWK with a private part: "d":"<43 base64url chars>"
    if (/"d"\s*:\s*"[A-Za-z0-9_-]{43}"/.test(text)) hits.push(`${file.slice(staticDir.length)}: JWK "d"`);
  }
  expect(hits).toEqual([]);
});
