import { seedDialogs } from "@/lib/seed/dialogs";

const ENDPOINTS: Array<[string, string, string]> = [
  ["POST", "/id-porten/token", "Mock ID-porten: access token for a persona (step 0)"],
  ["POST", "/maskinporten/token", "Mock Maskinporten: access token for the system user (step 0)"],
  ["GET", "/dialogporten/api/v1/enduser/dialogs/{dialogId}", "Dialogporten: the dialog with isAuthorized flags and a fresh dialog token (steps 1–3)"],
  ["GET", "/dialogporten/api/v1/.well-known/jwks.json", "Dialogporten: the two public signing keys"],
  ["GET", "/dialogporten/api/v1/.well-known/oauth-authorization-server", "Dialogporten: issuer metadata (RFC 8414)"],
  ["POST", "/authorization/api/v1/authorize", "Altinn Authorization: XACML JSON multi-request → one decision per reference"],
  ["GET", "/service-provider/fce/{dialogId}", "Service provider: front-channel embed (markdown), dialog token required"],
  ["POST", "/service-provider/actions/{dialogId}/{action}", "Service provider: write action (204), dialog token required"],
];

export function EndpointList() {
  return (
    <main className="mx-auto max-w-4xl p-8">
      <h1 className="text-3xl font-semibold">Dialog Token Sandbox</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Mock Dialogporten, Altinn Authorization and a service provider, over real HTTP.</p>
      <h2 className="mt-8 text-xl font-semibold">Endpoints</h2>
      <ul className="mt-3 space-y-2">
        {ENDPOINTS.map(([method, path, what]) => (
          <li key={method + path} className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <code className="font-mono text-sm">
              <span className="font-bold">{method}</span> {path}
            </code>
            <p className="text-sm text-slate-600 dark:text-slate-300">{what}</p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-xl font-semibold">Dialogs</h2>
      <ul className="mt-3 list-disc pl-6">
        {seedDialogs.map((d) => (
          <li key={d.id}>
            <code className="font-mono text-sm">{d.id}</code> — {d.content.title.value[0]?.value}
          </li>
        ))}
      </ul>
    </main>
  );
}
