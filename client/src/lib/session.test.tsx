/** @jest-environment jsdom */
import { act, render, screen, waitFor } from "@testing-library/react";
import { SessionProvider, useSession } from "./session";
import { queryClient } from "./queries/client";
import { keys } from "./queries/keys";

// The network is the boundary under test: fetch answers as the api (or its absence) would.
type Answer = { status: number; body?: unknown } | "offline";
let answers: Answer[] = [];
const asked: string[] = [];
const csrfSent: (string | undefined)[] = [];
beforeEach(() => {
  answers = [];
  asked.length = 0;
  csrfSent.length = 0;
  // The device starts empty: no cache, no pending sign-out.
  queryClient.clear();
  localStorage.clear();
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    asked.push(String(url));
    csrfSent.push((init?.headers as Record<string, string> | undefined)?.["X-CSRF-Token"]);
    const next = answers.shift();
    if (!next) throw new Error("no answer left for this test");
    if (next === "offline") throw new TypeError("Failed to fetch");
    return { ok: next.status < 400, status: next.status, json: async () => next.body ?? null } as Response;
  }) as typeof fetch;
});

const user = { id: "u1", name: "Lan", email: "lan@example.com", role: "domestic", companyId: "c1", emailVerified: true };
const signedInAnswer = { status: 200, body: { user, csrfToken: "csrf" } };
const unavailable = { status: 503, body: { error: { code: "unavailable", message: "The service is unavailable." } } };

let api: ReturnType<typeof useSession>;
function Probe() {
  api = useSession();
  return <p data-testid="probe">{`${api.session.status}${api.unreachable ? " unreachable" : ""}`}</p>;
}
const shown = () => screen.getByTestId("probe").textContent;

describe("the session when the api cannot be reached", () => {
  test("a 503 at start is not 'signed out': the session stays unknown, says unreachable, and is asked again", async () => {
    answers.push(unavailable, signedInAnswer);
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("loading unreachable"));
    act(() => api.refresh());
    await waitFor(() => expect(shown()).toBe("signedIn"));
    expect(asked).toEqual(["/api/auth/session", "/api/auth/session"]);
  });

  test("a network failure while signed in keeps the user signed in", async () => {
    answers.push(signedInAnswer, "offline");
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedIn"));
    act(() => api.refresh());
    await waitFor(() => expect(shown()).toBe("signedIn unreachable"));
    expect(api.session.status === "signedIn" && api.session.user.id).toBe("u1");
  });

  test("only the api saying so signs out: a 401, or no user", async () => {
    answers.push(signedInAnswer, { status: 401, body: { error: { code: "unauthenticated", message: "Sign in." } } });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedIn"));
    act(() => api.refresh());
    await waitFor(() => expect(shown()).toBe("signedOut"));
    answers.push({ status: 200, body: { user: null } });
    act(() => api.refresh());
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(shown()).toBe("signedOut");
  });

  test("unreachable, it asks again by itself after a second", async () => {
    jest.useFakeTimers();
    try {
      answers.push(unavailable, signedInAnswer);
      render(
        <SessionProvider>
          <Probe />
        </SessionProvider>,
      );
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(shown()).toBe("loading unreachable");
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      expect(shown()).toBe("signedIn");
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the session on a device that kept the venue's data", () => {
  const meeting = { id: "m1", status: "booked" };

  test("offline at start, the user the device last knew is signed in, so pages that need a role open", async () => {
    queryClient.setQueryData(keys.session, user);
    answers.push("offline");
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedIn unreachable"));
    expect(api.session.status === "signedIn" && api.session.user.id).toBe("u1");
  });

  test("the api says nobody (the session ended elsewhere): what the device kept for the user is forgotten", async () => {
    queryClient.setQueryData(keys.session, user);
    queryClient.setQueryData(keys.meetings.list, [meeting]);
    answers.push({ status: 200, body: { user: null } });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedOut"));
    expect(queryClient.getQueryData(keys.meetings.list)).toBeUndefined();
    expect(queryClient.getQueryData(keys.session)).toBeUndefined();
  });

  test("signing out offline forgets everything at once, counts as signed out, and ends the session when the network is back", async () => {
    answers.push(signedInAnswer, "offline");
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedIn"));
    queryClient.setQueryData(keys.meetings.list, [meeting]);
    await act(() => api.signOut());
    expect(shown()).toBe("signedOut unreachable");
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(localStorage.getItem("ketnoi.signOutPending")).toBe("1");

    // A reload while still offline: the device's user is not used, the person stays signed out.
    answers.push("offline");
    act(() => api.refresh());
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(shown()).toBe("signedOut unreachable");

    // Back online: the cookie still names the session; the api is asked to end it, with that session's CSRF token.
    answers.push(signedInAnswer, { status: 204 });
    act(() => api.refresh());
    await waitFor(() => expect(shown()).toBe("signedOut"));
    expect(asked).toEqual(["/api/auth/session", "/api/auth/logout", "/api/auth/session", "/api/auth/session", "/api/auth/logout"]);
    expect(csrfSent[4]).toBe("csrf");
    expect(localStorage.getItem("ketnoi.signOutPending")).toBeNull();
  });

  test("signing out online ends the session at once: nothing is left pending", async () => {
    answers.push(signedInAnswer, { status: 204 });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(shown()).toBe("signedIn"));
    await act(() => api.signOut());
    expect(shown()).toBe("signedOut");
    expect(csrfSent[1]).toBe("csrf");
    expect(localStorage.getItem("ketnoi.signOutPending")).toBeNull();
  });
});
