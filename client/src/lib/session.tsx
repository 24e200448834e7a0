import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { CurrentSession, SessionUser, SessionView } from "@ketnoi/contracts";
import { ApiError, getJson, send, setCsrfToken } from "./api";
import { queryClient } from "./queries/client";

type SessionState = { status: "loading" } | { status: "signedOut" } | { status: "signedIn"; user: SessionUser };
interface SessionApi {
  session: SessionState;
  /** The api could not be reached (a 5xx, the network): the session is kept as it was and asked again. */
  unreachable: boolean;
  /** Stores a session the api returned (login, register). */
  signedIn(view: SessionView): void;
  signOut(): Promise<void>;
  /** Asks the api again now (after deleting the account, say, or to retry at once). */
  refresh(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Waits between asking again: 1 s, 2 s, 4 s … up to 30 s. */
export const retryDelay = (failures: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * Who is signed in (GET /api/auth/session at start: `{ user: null }` when nobody is, so a
 * visitor's page makes no failing request); keeps the CSRF token for writes. Only the api saying
 * so (`{ user: null }`, or 401) signs out: a 503 or a network failure (the venue's Wi-Fi) keeps the
 * session as it was, says the server cannot be reached, and asks again, sooner when the device
 * comes back online. Whoever signs in or out starts from an empty data cache: nothing read for one
 * user is shown to the next (the cache is reset when the user changes).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const [failures, setFailures] = useState(0);
  const [attempt, setAttempt] = useState(0);
  // Whose data the cache holds (undefined until the first answer): another user starts from nothing.
  const userId = useRef<string | null | undefined>(undefined);
  const become = useCallback((next: SessionState) => {
    const id = next.status === "signedIn" ? next.user.id : null;
    if (userId.current !== undefined && userId.current !== id) void queryClient.resetQueries();
    userId.current = id;
    setSession(next);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies(attempt): attempt is the trigger: refresh() bumps it to ask the api again
  useEffect(() => {
    const abort = new AbortController();
    getJson<CurrentSession>("/auth/session", abort.signal)
      .then((view) => {
        setFailures(0);
        setCsrfToken(view.user ? view.csrfToken : null);
        become(view.user ? { status: "signedIn", user: view.user } : { status: "signedOut" });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setFailures(0);
          setCsrfToken(null);
          become({ status: "signedOut" });
        } else setFailures((n) => n + 1);
      });
    return () => abort.abort();
  }, [attempt, become]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  // Unreachable: ask again after a while, or as soon as the network is back.
  useEffect(() => {
    if (!failures) return;
    const timer = setTimeout(refresh, retryDelay(failures));
    window.addEventListener("online", refresh);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", refresh);
    };
  }, [failures, refresh]);
  const signedIn = useCallback(
    (view: SessionView) => {
      setCsrfToken(view.csrfToken);
      become({ status: "signedIn", user: view.user });
    },
    [become],
  );
  const signOut = useCallback(async () => {
    await send("POST", "/auth/logout", {}).catch(() => undefined);
    setCsrfToken(null);
    become({ status: "signedOut" });
  }, [become]);
  const unreachable = failures > 0;
  const value = useMemo(() => ({ session, unreachable, signedIn, signOut, refresh }), [session, unreachable, signedIn, signOut, refresh]);
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
