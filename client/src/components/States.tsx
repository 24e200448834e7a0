import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, errorText } from "../lib/api";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="panel state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.state.loading")}
    </p>
  );
}

export function ErrorState({ error, retry }: { error?: Error; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel state error" role="alert">
      <p>{t("common.state.error")}</p>
      {error?.message && <p className="muted">{error.message}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          {t("common.state.retry")}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="panel state empty">
      <p>{children}</p>
    </div>
  );
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * Renders a query: loading (also while it waits to be enabled), an error with retry, empty (a 404,
 * or data `isEmpty` calls empty), "not saved on this device" (offline, nothing kept) or the data.
 * Data already read stays on screen while it is read again.
 */
export function Async<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  empty: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return isEmpty?.(query.data) ? <Empty>{empty}</Empty> : children(query.data);
  if (query.isError) return notFound(query.error) ? <Empty>{empty}</Empty> : <ErrorState error={query.error} retry={() => void query.refetch()} />;
  // Offline with nothing kept on the device: it waits for the network, and says why rather than spin.
  if (query.isPaused) return <NotSaved />;
  return <Loading />;
}

function NotSaved() {
  const { t } = useTranslation();
  return <Empty>{t("offline.notSaved")}</Empty>;
}

/** A message after an action: a success (status) or a failure (alert). */
export function Notice({ kind, children }: { kind: "ok" | "error"; children: ReactNode }) {
  return kind === "ok" ? (
    <p className="notice ok" role="status">
      {children}
    </p>
  ) : (
    <p className="notice error" role="alert">
      {children}
    </p>
  );
}

/** A failed write's message (the api's, in the reader's language), or nothing. */
export function Failure({ error }: { error: unknown }) {
  return error ? <Notice kind="error">{errorText(error)}</Notice> : null;
}
