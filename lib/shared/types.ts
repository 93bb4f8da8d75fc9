/** Every mock service is a standard Fetch handler (docs/design.md, principle 1). */
export type Handler = (request: Request) => Promise<Response>;

/** Unix time in milliseconds; injected so tests and scenarios can move the clock. */
export type Clock = () => number;

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
