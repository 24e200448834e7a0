import type { ErrorBody } from "@ketnoi/contracts";
import i18next from "i18next";
import { eventHeader } from "./eventInContext";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
  /** Field path -> message in the viewer's language (validation errors). */
  get fields(): Record<string, string> {
    return this.body?.error.fields ?? {};
  }
}

/** The CSRF token of the signed-in session: sent with every unsafe request (set by the session). */
let csrfToken: string | null = null;
let sessionLoaded = () => {};
const sessionKnown = new Promise<void>((resolve) => (sessionLoaded = resolve));
/** Set (null when signed out) each time the session is known: at start, on sign-in and on sign-out. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
  sessionLoaded();
};
/** Resolves once the session at start is known, so a write sent then carries its CSRF token. */
export const whenSessionKnown = () => sessionKnown;

/** The api's error shape, checked by hand: zod stays out of the landing route's initial JS. */
function asErrorBody(data: unknown): ErrorBody | null {
  const e = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return e && typeof e.code === "string" && typeof e.message === "string" ? (data as ErrorBody) : null;
}

async function parse<T>(res: Response): Promise<T> {
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, asErrorBody(data));
  }
  return data as T;
}

/** GETs JSON from the api in the viewer's language; errors arrive as ApiError with the api's body. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api${path}`, { signal, headers: { Accept: "application/json", "Accept-Language": i18next.language, ...eventHeader() } });
  return parse<T>(res);
}

/** How long a write sent as a page opens waits for the session at start (offline it may never come). */
const SESSION_WAIT_MS = 5000;

/**
 * Resolves once the session at start is known, or after a few seconds. A write sent as a page opens
 * (a mailed link's confirmation) waits for it: the device's copy of the cache is read before the api
 * is asked who is signed in, and a signed-in browser's write without its CSRF token is refused (403).
 */
export async function sessionSettled(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([sessionKnown, new Promise((resolve) => (timer = setTimeout(resolve, SESSION_WAIT_MS)))]);
  clearTimeout(timer);
}

/** A write (POST/PUT/PATCH/DELETE) with JSON, the CSRF token and the viewer's language. */
export async function send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18next.language, ...eventHeader() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return parse<T>(res);
}

/** A query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * What to tell the user about a failed call: the api's message and, when given, its field messages.
 * A refusal that says why (a conflict with a field message: "Check-in opens at 9:45 AM…") is that
 * reason alone: the generic "conflicts with existing data" before it only misleads.
 */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = Object.values(e.fields);
    if (fields.length && e.body?.error.code === "conflict") return fields.join(" ");
    return fields.length ? `${e.message} ${fields.join(" ")}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
