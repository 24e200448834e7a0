/**
 * A minimal HTTP client for a real api process: keeps the session cookie and CSRF token like a
 * browser on PUBLIC_ORIGIN, and gives up after a client timeout (so "never hangs" is checked by
 * every call, not timed).
 */
// biome-ignore lint/suspicious/noExplicitAny: a raw process answers many shapes (meetings, lists, error bodies, health); each fault test asserts the fields it reads
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export const CLIENT_TIMEOUT_MS = 20_000;

export class ApiClient {
  private cookie = "";
  private csrf = "";
  userId = "";
  companyId = "";

  constructor(
    readonly baseUrl: string,
    private readonly origin: string,
    private readonly locale = "en",
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: a raw process answers many shapes (meetings, lists, error bodies, health); each fault test asserts the fields it reads
  async call<T = any>(method: string, path: string, body?: unknown, { timeoutMs = CLIENT_TIMEOUT_MS, locale = this.locale } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": locale };
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== "GET") {
      headers.Origin = this.origin;
      headers["Content-Type"] = "application/json";
      if (this.csrf) headers["X-CSRF-Token"] = this.csrf;
    }
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if ((err as Error).name === "TimeoutError") throw new Error(`${method} ${path} got no answer within ${timeoutMs} ms (the api hangs)`);
      throw err;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  // biome-ignore lint/suspicious/noExplicitAny: a raw process answers many shapes (meetings, lists, error bodies, health); each fault test asserts the fields it reads
  get<T = any>(path: string, opts?: { timeoutMs?: number; locale?: string }) {
    return this.call<T>("GET", path, undefined, opts);
  }
  // biome-ignore lint/suspicious/noExplicitAny: a raw process answers many shapes (meetings, lists, error bodies, health); each fault test asserts the fields it reads
  post<T = any>(path: string, body?: unknown, opts?: { timeoutMs?: number; locale?: string }) {
    return this.call<T>("POST", path, body, opts);
  }

  /** The same signed-in session through another address: another api process, or a balancer in front of them. */
  via(baseUrl: string): ApiClient {
    const other = new ApiClient(baseUrl, this.origin, this.locale);
    Object.assign(other, { cookie: this.cookie, csrf: this.csrf, userId: this.userId, companyId: this.companyId });
    return other;
  }

  /** Signs in; the session cookie and CSRF token go with every later call. */
  async signIn(email: string, password: string) {
    const res = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: this.origin },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const body = (await res.json()) as { csrfToken: string; user: { id: string; companyId?: string } };
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ketnoi_session="));
    if (!cookie) throw new Error("login set no session cookie");
    this.cookie = cookie.split(";")[0]!;
    this.csrf = body.csrfToken;
    this.userId = body.user.id;
    this.companyId = body.user.companyId ?? "";
    return this;
  }
}

/** Expects a given status, with the answer in the message when it is not. */
export function expectStatus<T>(reply: Reply<T>, status: number, what = ""): Reply<T> {
  if (reply.status !== status) throw new Error(`${what ? `${what}: ` : ""}expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}
