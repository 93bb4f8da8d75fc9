import { test as base, expect, type Response } from "@playwright/test";
import { decodeText } from "../lib/shared/base64url";
import { decodeTrace, type ServiceTrace, TRACE_HEADER } from "../lib/shared/trace";
import { CataloguePage } from "./catalogue-page";
import { ComparePage } from "./compare-page";
import { ConformancePage } from "./conformance-page";
import { ScenarioFormPage } from "./scenario-form-page";
import { PresenterPage } from "./presenter-page";
import { SequencePage } from "./sequence-page";
import { WorkbenchPage } from "./workbench-page";
import { WorldPage } from "./world-page";

/** One HTTP response the page received, with the service's own trace decoded from its `sandbox-trace` header. */
interface Observed {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  trace: ServiceTrace | null;
}

/**
 * Watches what the browser really receives, independently of what the page renders: the page's
 * claims are then checked against the wire and the services' traces, not against themselves.
 */
class Wire {
  private readonly pending: Promise<Observed>[] = [];

  record(response: Response) {
    const url = response.url();
    if (!/\/(dialogporten\/api\/v1\/enduser|service-provider|id-porten|maskinporten)\//.test(url)) return;
    this.pending.push(
      (async () => {
        const headers = response.headers();
        const raw = headers[TRACE_HEADER];
        return { url, status: response.status(), headers, body: await response.text().catch(() => ""), trace: raw ? await decodeTrace(raw) : null };
      })(),
    );
  }

  async all(): Promise<Observed[]> {
    return Promise.all(this.pending);
  }

  async to(pattern: RegExp): Promise<Observed[]> {
    return (await this.all()).filter((o) => pattern.test(o.url));
  }

  /** The last dialog Dialogporten returned, its token's claims, and Dialogporten's trace notes. */
  async lastDialog() {
    const got = (await this.to(/\/enduser\/dialogs\//)).at(-1);
    expect(got, "a dialog response was received").toBeDefined();
    const body = JSON.parse(got!.body) as { id?: string; dialogToken?: string };
    const token = body.dialogToken ?? "";
    const claims = token ? (JSON.parse(decodeText(token.split(".")[1] ?? "") ?? "null") as Record<string, unknown>) : null;
    return { ...got!, dialog: body, token, claims, notes: (got!.trace?.notes ?? {}) as Record<string, unknown> };
  }
}

export const test = base.extend<{
  sequence: SequencePage;
  compare: ComparePage;
  conformance: ConformancePage;
  presenter: PresenterPage;
  wire: Wire;
  scenarioForm: ScenarioFormPage;
  catalogue: CataloguePage;
  workbench: WorkbenchPage;
  world: WorldPage;
}>({
  // Run all without pauses unless a test asks for motion: the delay is not what is under test. (`provide` is Playwright's `use`.)
  contextOptions: async ({ contextOptions }, provide) => provide({ ...contextOptions, reducedMotion: contextOptions.reducedMotion ?? "reduce" }),
  wire: async ({ page }, provide) => {
    const wire = new Wire();
    page.on("response", (r) => wire.record(r));
    await provide(wire);
  },
  sequence: async ({ page, wire }, provide) => {
    void wire; // attached before the first navigation
    await provide(new SequencePage(page));
  },
  compare: async ({ page, wire }, provide) => {
    void wire; // attached before the first navigation
    await provide(new ComparePage(page));
  },
  conformance: async ({ page }, provide) => provide(new ConformancePage(page)),
  scenarioForm: async ({ page }, provide) => provide(new ScenarioFormPage(page)),
  presenter: async ({ page, wire }, provide) => {
    void wire; // attached before the first navigation
    await provide(new PresenterPage(page));
  },
  catalogue: async ({ page }, provide) => provide(new CataloguePage(page)),
  workbench: async ({ page }, provide) => provide(new WorkbenchPage(page)),
  world: async ({ page, wire }, provide) => {
    void wire; // attached before the first navigation
    await provide(new WorldPage(page));
  },
});

export { expect };
