import { expect, test } from "./fixtures";
import { APP_ORIGIN } from "../playwright.config";
import { checkIsolation, participant, runFlow, seedDialogs } from "./support/participant";

/**
 * The workshop benchmark (bench/workshop.ts, docs/benchmarks.md) cut down to CI size: 20 participants, each in
 * a workspace of their own, run the whole flow (sign in, dialog, embed, write action, re-fetch) three rounds
 * at once against the built app over real HTTP. Correctness only — nothing failed, and every workspace holds
 * exactly its own writes and nobody else's. Never a timing: CI machines are shared and their speed varies.
 */
const PARTICIPANTS = 20;
const ROUNDS = 3;

test.describe("a workshop room under load", () => {
  test(`${PARTICIPANTS} participants × ${ROUNDS} rounds: no failures, every workspace sees only its own writes`, async () => {
    // Twenty flows at once on a busy machine can take a while; correctness, not speed, is asserted here.
    test.slow();
    const seed = await seedDialogs(APP_ORIGIN);
    const shared = await seedDialogs(APP_ORIGIN, "default");
    // A run-specific prefix: a reused server (npm run test:e2e against `next start`) keeps earlier runs' workspaces.
    const run = `ci-${Date.now().toString(36)}`;
    const room = Array.from({ length: PARTICIPANTS }, (_, i) => participant(i, run));

    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(room.map((p) => runFlow(APP_ORIGIN, p)));
      results.forEach((r, i) => r.ok || failures.push(`round ${round}, ${room[i]!.workspace}: ${r.failedStep} — ${r.detail}`));
    }
    expect(failures).toEqual([]);
    expect(room.map((p) => p.writes)).toEqual(room.map(() => ROUNDS));

    const problems = (await Promise.all(room.map((p) => checkIsolation(APP_ORIGIN, p, seed)))).flat();
    expect(problems).toEqual([]);
    // Nobody wrote to the shared seed: the default workspace is as it was before the room started.
    const after = await seedDialogs(APP_ORIGIN, "default");
    for (const [id, dialog] of shared) expect(after.get(id)?.revision, id).toBe(dialog.revision);
  });
});
