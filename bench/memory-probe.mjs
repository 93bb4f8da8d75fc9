// Preloaded into the server under test by bench/soak.ts (NODE_OPTIONS=--import …) to tell a leak from a heap
// that merely grew: RSS alone cannot. On SIGUSR2 it forces a full garbage collection and appends one JSON line
// of process.memoryUsage() after it to the file named by SANDBOX_MEMORY_PROBE. Diagnostics only; changes no behaviour.
import fs from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const out = process.env.SANDBOX_MEMORY_PROBE;

if (out)
  process.on("SIGUSR2", () => {
    gc();
    const m = process.memoryUsage();
    fs.appendFileSync(out, `${JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })}\n`);
  });
