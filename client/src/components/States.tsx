import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Loadable } from "../lib/useFairSummary";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p className="panel state" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{label ?? t("state.loading")}</p>;
}

export function ErrorState({ error, retry }: { error?: Error; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel state error" role="alert">
      <p>{t("state.error")}</p>
      {error?.message && <p className="muted">{error.message}</p>}
      {retry && <button type="button" onClick={retry}>{t("state.retry")}</button>}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="panel state empty"><p>{children}</p></div>;
}

/** Renders a Loadable: a loading, error or empty state, or the data. */
export function Async<T>({ result, reload, empty, children }: { result: Loadable<T>; reload: () => void; empty: ReactNode; children: (data: T) => ReactNode }) {
  if (result.state === "loading") return <Loading />;
  if (result.state === "error") return <ErrorState error={result.error} retry={reload} />;
  if (result.state === "empty") return <Empty>{empty}</Empty>;
  return <>{children(result.data)}</>;
}

/** A message after an action: a success (status) or a failure (alert). */
export function Notice({ kind, children }: { kind: "ok" | "error"; children: ReactNode }) {
  return kind === "ok" ? <p className="notice ok" role="status">{children}</p> : <p className="notice error" role="alert">{children}</p>;
}
