import { isDatabaseUnavailable } from "./connection";

describe("isDatabaseUnavailable", () => {
  test("the driver's network and selection errors, also as a cause, mean 503", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { name: "MongoServerSelectionError" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("y"), { name: "MongoNetworkError" }) }))).toBe(true);
  });

  test("a bare socket error the driver let through (EPIPE after the server went away) means 503 too", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("This socket has been ended by the other party"), { code: "EPIPE" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
  });

  test("anything else is not a database outage", () => {
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { name: "MongoServerError", code: 11000 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
