import { getJson } from "../api";

/** A queryFn reading `path` from the api (cancelled when the query is). */
export const fetchJson =
  <T>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    getJson<T>(path, signal);
