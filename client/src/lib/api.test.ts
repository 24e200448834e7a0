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
