import { describe, expect, it } from "vitest";
import { configFromEnv, otherHostOrigin } from "./config";
import { PERSONA_GRANT } from "./altinn/grants";
import type { Dialog } from "./altinn/dialog";
import { createSandbox } from "./sandbox";
import { DIALOG_ID } from "./seed/dialogs";

describe("configuration: the service provider on a second origin by default", () => {
  it("puts the service provider on the other loopback name, same port; the page's origin is the one allowed", () => {
    const c = configFromEnv({ PORT: "3100" });
    expect(c.origin).toBe("http://localhost:3100");
    expect(c.serviceProviderOrigin).toBe("http://127.0.0.1:3100");
    expect(c.allowedOrigins).toEqual(["http://localhost:3100"]);
    expect(configFromEnv({ SANDBOX_ORIGIN: "http://127.0.0.1:8080" }).serviceProviderOrigin).toBe("http://localhost:8080");
    expect(otherHostOrigin("https://sandbox.example")).toBe("https://sandbox.example");
    expect(configFromEnv({ SANDBOX_ORIGIN: "https://sandbox.example" }).serviceProviderOrigin).toBe("https://sandbox.example");
  });

  it("takes explicit origins and lists from the environment", () => {
    const c = configFromEnv({
      SANDBOX_ORIGIN: "https://ui.example",
      SANDBOX_SP_ORIGIN: "https://sp.example/",
      SANDBOX_ALLOWED_ORIGINS: "https://ui.example, https://other.example/",
    });
    expect(c.serviceProviderOrigin).toBe("https://sp.example");
    expect(c.allowedOrigins).toEqual(["https://ui.example", "https://other.example"]);
  });

  it("Max-Age 0, PDP latency 0 and a 500 ms write queue by default; bounded when set", () => {
    const c = configFromEnv({});
    expect([c.corsMaxAgeSeconds, c.pdpLatencyMs, c.writeQueueDelayMs]).toEqual([0, 0, 500]);
    const d = configFromEnv({ SANDBOX_CORS_MAX_AGE: "600", SANDBOX_PDP_LATENCY_MS: "20", SANDBOX_WRITE_QUEUE_DELAY_MS: "1000" });
    expect([d.corsMaxAgeSeconds, d.pdpLatencyMs, d.writeQueueDelayMs]).toEqual([600, 20, 1000]);
    expect(() => configFromEnv({ SANDBOX_CORS_MAX_AGE: "-1" })).toThrow(/SANDBOX_CORS_MAX_AGE/);
    expect(() => configFromEnv({ SANDBOX_PDP_LATENCY_MS: "2001" })).toThrow(/SANDBOX_PDP_LATENCY_MS/);
    expect(() => configFromEnv({ SANDBOX_WRITE_QUEUE_DELAY_MS: "1500" })).toThrow(/SANDBOX_WRITE_QUEUE_DELAY_MS/);
  });

  it("test tokens on and the relay on loopback by default; both can be switched off, bad values refused", () => {
    expect(configFromEnv({})).toMatchObject({ testTokens: true, relayOrigins: ["loopback"] });
    expect(configFromEnv({ SANDBOX_TEST_TOKENS: "off", SANDBOX_RELAY_ORIGINS: "off" })).toMatchObject({ testTokens: false, relayOrigins: [] });
    expect(configFromEnv({ SANDBOX_RELAY_ORIGINS: "https://sp.example:8443, loopback" }).relayOrigins).toEqual(["https://sp.example:8443", "loopback"]);
    expect(() => configFromEnv({ SANDBOX_TEST_TOKENS: "yes" })).toThrow(/SANDBOX_TEST_TOKENS/);
    expect(() => configFromEnv({ SANDBOX_RELAY_ORIGINS: "https://sp.example/path" })).toThrow(/SANDBOX_RELAY_ORIGINS/);
    expect(() => configFromEnv({ SANDBOX_RELAY_ORIGINS: "*" })).toThrow(/SANDBOX_RELAY_ORIGINS/);
  });

  it("the dialog's service-provider URLs use that origin, and the provider grants the page's origin", async () => {
    const holder: { handle?: (r: Request) => Promise<Response> } = {};
    const fetchIn = (input: string | URL | Request, init?: RequestInit) => holder.handle!(new Request(input, init));
    const sandbox = await createSandbox(configFromEnv({ PORT: "3100" }), { fetch: fetchIn });
    holder.handle = sandbox.handle;
    const login = await fetchIn("http://localhost:3100/id-porten/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=${PERSONA_GRANT}&persona=kari`,
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const res = await fetchIn(`http://localhost:3100/dialogporten/api/v1/enduser/dialogs/${DIALOG_ID.taxReturn}`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const dialog = (await res.json()) as Dialog;
    const urls = [
      dialog.content.mainContentReference!.value[0]!.value,
      ...dialog.guiActions.map((g) => g.url),
      ...dialog.transmissions.map((t) => t.content.contentReference!.value[0]!.value),
    ];
    for (const url of urls) expect(url.startsWith("http://127.0.0.1:3100/service-provider/"), url).toBe(true);
    const preflight = await fetchIn(urls[0]!, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3100", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:3100");
  });
});
