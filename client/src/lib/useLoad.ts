import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, getJson } from "./api";
import type { Loadable } from "./useFairSummary";

/**
 * Loads JSON from the api for a page: loading, error (with retry), empty (404 or an empty list when
 * `isEmpty` says so) or ready. `path` null waits (e.g. until the session is known). Loads again when
 * the viewer changes language: the api words some of what it sends for the reader (firms' names,
 * match reasons).
 */
export function useLoad<T>(path: string | null, isEmpty: (data: T) => boolean = () => false) {
  const [result, setResult] = useState<Loadable<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setResult((r) => (r.state === "ready" ? r : { state: "loading" }));
    getJson<T>(path, abort.signal)
      .then((data) => setResult(isEmpty(data) ? { state: "empty" } : { state: "ready", data }))
      .catch((error: Error) => {
        if (abort.signal.aborted) return;
        setResult(error instanceof ApiError && error.status === 404 ? { state: "empty" } : { state: "error", error });
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, attempt, i18n.language]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, reload };
}
