import { ErrorBodySchema, type ErrorBody } from "@ketnoi/contracts";
import i18next from "i18next";

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody | null) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

/** GETs JSON from the api in the viewer's language; errors arrive as ApiError with the api's body. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api${path}`, { signal, headers: { Accept: "application/json", "Accept-Language": i18next.language } });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ErrorBodySchema.safeParse(data);
    throw new ApiError(res.status, parsed.success ? parsed.data : null);
  }
  return data as T;
}
