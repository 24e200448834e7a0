import { useCallback, useEffect, useState } from "react";
import type { FairSummary } from "@ketnoi/contracts";
import { ApiError, getJson } from "./api";

export type Loadable<T> = { state: "loading" } | { state: "error"; error: Error } | { state: "empty" } | { state: "ready"; data: T };

/** The current fair for the landing page; `reload` retries after an error. */
export function useFairSummary() {
  const [result, setResult] = useState<Loadable<FairSummary>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setResult({ state: "loading" });
    getJson<FairSummary>("/fairs/current", abort.signal)
      .then((data) => setResult({ state: "ready", data }))
      .catch((error: Error) => {
        if (abort.signal.aborted) return;
        setResult(error instanceof ApiError && error.status === 404 ? { state: "empty" } : { state: "error", error });
      });
    return () => abort.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, reload };
}
