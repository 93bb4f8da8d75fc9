import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { bodyOf, documentOf, responseProblems } from "../../lib/altinn/openapi-check.test-helper";

/**
 * Every Dialogporten end-user and service-owner answer an e2e test receives — by the browser, by Playwright's
 * request context, or by Node's fetch in the spec — checked strictly against the real OpenAPI documents
 * (docs/fidelity.md, "Every response checked"). The fixture (./fixtures.ts) fails the test at its end if any
 * did not match; no spec has to remember to ask.
 */
export class OpenApiWire {
  readonly problems: string[] = [];
  private readonly pending: Promise<void>[] = [];

  /** Checks one answer if it is a Dialogporten REST answer; `text` is read only then. */
  check(method: string, url: string, status: number, text: () => Promise<string>): void {
    const doc = documentOf(url);
    if (!doc) return;
    this.pending.push(
      text().then(
        (body) => {
          for (const p of responseProblems(doc, method, url, status, bodyOf(body))) this.problems.push(`${p} (${method} ${url})`);
        },
        // The browser no longer holds the body (the page moved on while it arrived): nothing to check it against.
        () => undefined,
      ),
    );
  }

  /** All checks done: the problems found. */
  async settled(): Promise<string[]> {
    await Promise.all(this.pending);
    return this.problems;
  }

  /** The browser's responses, in one page or a whole context. */
  watch(target: Page | BrowserContext): void {
    target.on("response", (r) => this.check(r.request().method(), r.url(), r.status(), () => r.text()));
  }

  /** Contexts and pages a spec opens itself (a second participant, another browser) are watched too, until the returned function. */
  patchBrowser(browser: Browser): () => void {
    const { newContext, newPage } = browser;
    browser.newContext = async (options) => {
      const context = await newContext.call(browser, options);
      this.watch(context);
      return context;
    };
    browser.newPage = async (options) => {
      const page = await newPage.call(browser, options);
      this.watch(page);
      return page;
    };
    return () => {
      Object.assign(browser, { newContext, newPage });
    };
  }

  /** Node's fetch, for as long as the test runs; returns the function that puts it back. */
  patchFetch(): () => void {
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await original(input, init);
      const method = init?.method ?? (input instanceof Request ? input.method : "GET");
      const url = input instanceof Request ? input.url : String(input);
      this.check(method.toUpperCase(), response.url || url, response.status, () => response.clone().text());
      return response;
    };
    return () => {
      globalThis.fetch = original;
    };
  }

  /** Playwright's request context, every call of it checked. */
  wrap(request: APIRequestContext): APIRequestContext {
    const verbs: Record<string, string> = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" };
    return new Proxy(request, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        const name = String(prop);
        if (!(name in verbs) && name !== "fetch") return (value as (...a: unknown[]) => unknown).bind(target);
        return async (url: string | Parameters<APIRequestContext["fetch"]>[0], options?: { method?: string }) => {
          const response = (await (value as (...a: unknown[]) => Promise<APIResponse>).call(target, url, options)) as APIResponse;
          const method = verbs[name] ?? options?.method?.toUpperCase() ?? (typeof url === "string" ? "GET" : url.method());
          this.check(method, response.url(), response.status(), () => response.text());
          return response;
        };
      },
    });
  }
}
