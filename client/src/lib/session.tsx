import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { CurrentSession, SessionUser, SessionView } from "@ketnoi/contracts";
import { getJson, send, setCsrfToken } from "./api";

type SessionState = { status: "loading" } | { status: "signedOut" } | { status: "signedIn"; user: SessionUser };
interface SessionApi {
  session: SessionState;
  /** Stores a session the api returned (login, register). */
  signedIn(view: SessionView): void;
  signOut(): Promise<void>;
  refresh(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/**
 * Who is signed in (GET /api/auth/session once at start: `{ user: null }` when nobody is, so a
 * visitor's page makes no failing request); keeps the CSRF token for writes.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    getJson<CurrentSession>("/auth/session", abort.signal)
      .then((view) => {
        setCsrfToken(view.user ? view.csrfToken : null);
        setSession(view.user ? { status: "signedIn", user: view.user } : { status: "signedOut" });
      })
      .catch(() => {
        if (abort.signal.aborted) return;
        setCsrfToken(null);
        setSession({ status: "signedOut" });
      });
    return () => abort.abort();
  }, [attempt]);
  const signedIn = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
    setSession({ status: "signedIn", user: view.user });
  }, []);
  const signOut = useCallback(async () => {
    await send("POST", "/auth/logout", {}).catch(() => undefined);
    setCsrfToken(null);
    setSession({ status: "signedOut" });
  }, []);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ session, signedIn, signOut, refresh }), [session, signedIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}

/** The signed-in user, or null (also while loading). */
export function useUser(): SessionUser | null {
  const { session } = useSession();
  return session.status === "signedIn" ? session.user : null;
}
