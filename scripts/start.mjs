// `npm start`: install when needed, build when needed, then serve the sandbox.
import { buildIsStale, ensureDependencies, run } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
await ensureDependencies();
if (buildIsStale()) {
  console.log("› Building (next build)…");
  const code = await run("npx", ["next", "build"]);
  if (code !== 0) process.exit(code);
}
console.log(`› Dialog Token Sandbox on http://localhost:${port}  (keys derive from ${process.env.SANDBOX_SEED ? "SANDBOX_SEED" : "the PUBLIC default seed — not secret"})`);
process.exit(await run("npx", ["next", "start", "-p", port], { env: { PORT: port } }));
