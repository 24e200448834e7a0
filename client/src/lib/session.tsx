import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { CurrentSession, SessionUser, SessionView } from "@ketnoi/contracts";
import { useIsRestoring } from "@tanstack/react-query";
import { ApiError, getJson, send, setCsrfToken } from "./api";
import { chooseEvent } from "./eventInContext";
import { queryClient } from "./queries/client";
import { keys } from "./queries/keys";
import { CACHE_GENERATION, forgetQueries } from "./offline/persistence";
import { clearPrivateData, setSignOutPending, signOutPending } from "./offline/privateData";

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

/** The user this device last knew signed in (kept with the venue's data, so it is there offline). */
const knownUser = () => queryClient.getQueryData<SessionUser>(keys.session);

/**
 * Sends a sign-out the server has not heard yet with the session's own CSRF token; true once the
 * session is over (ended now, or already: a 401). A failure to reach the server leaves it pending.
 */
async function endPendingSession(csrfToken: string): Promise<boolean> {
  setCsrfToken(csrfToken);
  try {
    await send("POST", "/auth/logout", {});
    return true;
  } catch (error) {
    return error instanceof ApiError && error.status === 401;
  } finally {
    setCsrfToken(null);
  }
}

/**
 * Who is signed in (GET /api/auth/session at start: `{ user: null }` when nobody is, so a
 * visitor's page makes no failing request); keeps the CSRF token for writes. Only the api saying
 * so (`{ user: null }`, or 401) signs out: a 503 or a network failure (the venue's Wi-Fi) keeps the
 * session as it was, says the server cannot be reached, and asks again, sooner when the device
 * comes back online. "As it was" survives a reload: the user is kept on the device with the venue's
 * data (lib/offline/persistence.ts), so a page that needs a role opens offline. Whoever signs in or
 * out starts from an empty data cache: nothing read for one user is shown to the next (the cache,
 * and the device's copy of it, is forgotten when the user changes). Signing out clears everything
 * private on the device at once; offline, the server is told when it can be reached, and until then
 * the person counts as signed out (lib/offline/privateData.ts).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const [failures, setFailures] = useState(0);
  const [attempt, setAttempt] = useState(0);
  // The device's copy of the cache is read first: it says who was signed in when the api cannot.
  const restoring = useIsRestoring();
  // Whose data the cache holds (undefined until known): another user starts from nothing.
  const userId = useRef<string | null | undefined>(undefined);
  const become = useCallback((next: SessionState) => {
    const id = next.status === "signedIn" ? next.user.id : null;
    if (userId.current !== undefined && userId.current !== id) void forgetQueries(queryClient);
    userId.current = id;
    if (next.status === "signedIn") queryClient.setQueryData(keys.session, next.user);
    else queryClient.removeQueries({ queryKey: keys.session });
    setSession(next);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies(attempt): attempt is the trigger: refresh() bumps it to ask the api again
  useEffect(() => {
    if (restoring) return;
    if (userId.current === undefined && knownUser()) userId.current = knownUser()!.id;
    const abort = new AbortController();
    const signedOut = () => {
      setCsrfToken(null);
      become({ status: "signedOut" });
    };
    getJson<CurrentSession>("/auth/session", abort.signal)
      .then(async (view) => {
        if (view.user && signOutPending()) {
          // Signed out offline: the session the cookie still names is ended now.
          const ended = await endPendingSession(view.csrfToken);
          if (ended) setSignOutPending(false);
          setFailures(ended ? 0 : (n) => n + 1);
          return signedOut();
        }
        setSignOutPending(false);
        setFailures(0);
        setCsrfToken(view.user ? view.csrfToken : null);
        become(view.user ? { status: "signedIn", user: view.user } : { status: "signedOut" });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setSignOutPending(false);
          setFailures(0);
          signedOut();
          return;
        }
        setFailures((n) => n + 1);
        if (signOutPending()) return signedOut();
        // Not known yet (a start offline): as it was when the device last knew.
        const known = knownUser();
        if (known) setSession((s) => (s.status === "loading" ? { status: "signedIn", user: known } : s));
      });
    return () => abort.abort();
  }, [attempt, become, restoring]);
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
  // Another tab signed out (or another user in): this one forgets what it holds and asks again.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== CACHE_GENERATION) return;
      queryClient.clear();
      refresh();
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [refresh]);
  const signedIn = useCallback(
    (view: SessionView) => {
      setSignOutPending(false); // a sign-in replaces the session a pending sign-out named
      setCsrfToken(view.csrfToken);
      become({ status: "signedIn", user: view.user });
    },
    [become],
  );
  const signOut = useCallback(async () => {
    // Remembered first: if the server cannot be told now, it is told at the next chance.
    setSignOutPending(true);
    const logout = send("POST", "/auth/logout", {}).then(
      () => true,
      (error: unknown) => error instanceof ApiError && error.status === 401,
    );
    setCsrfToken(null);
    userId.current = null;
    chooseEvent(null);
    await clearPrivateData(queryClient);
    become({ status: "signedOut" });
    const ended = await logout;
    // What a page read while the server heard of the sign-out (the bell, say) goes with the page.
    queryClient.removeQueries({ type: "inactive" });
    if (ended) setSignOutPending(false);
    else setFailures((n) => n + 1); // asked again when the network is back, which sends it
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
