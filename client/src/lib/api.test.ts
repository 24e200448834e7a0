import { ApiError, errorText } from "./api";

// Issue #18: a check-in refused as too early read "data changed or duplicated", not when it opens.
describe("what a failed call tells the user", () => {
  test("a refusal that says why is that reason alone, not the generic conflict message before it", () => {
    const early = new ApiError(409, {
      error: {
        code: "conflict",
        message: "This conflicts with existing data.",
        fields: { meeting: "Check-in opens at 9:45 AM, 15 minutes before the meeting." },
      },
    });
    expect(errorText(early)).toBe("Check-in opens at 9:45 AM, 15 minutes before the meeting.");
  });

  test("a conflict without a reason, and invalid fields, keep the api's message", () => {
    expect(errorText(new ApiError(409, { error: { code: "conflict", message: "This conflicts with existing data." } }))).toBe(
      "This conflicts with existing data.",
    );
    const invalid = new ApiError(400, {
      error: { code: "validation_failed", message: "Some fields are not valid.", fields: { email: "Not an email." } },
    });
    expect(errorText(invalid)).toBe("Some fields are not valid. Not an email.");
  });
});

describe("a write sent as a page opens", () => {
  test("waits until the session at start is known, so it carries its CSRF token", async () => {
    const { send, sessionSettled, setCsrfToken } = await import("./api");
    const sent: Headers[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers));
      return new Response("{}", { status: 201, headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const confirming = sessionSettled().then(() => send("POST", "/auth/register/confirm", { token: "t" }));
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(0); // not before the session is known
    setCsrfToken("csrf-of-the-session");
    await confirming;
    expect(sent[0]!.get("X-CSRF-Token")).toBe("csrf-of-the-session");
    globalThis.fetch = realFetch;
  });
});
