import { mongo } from "mongoose";

const { MongoBulkWriteError, MongoNetworkError, MongoServerError } = mongo;
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

  test("an insertMany whose connection closed (a bulk write error around a network error) means 503; a duplicate key in one does not", () => {
    const lost = new MongoBulkWriteError(new MongoNetworkError("connection 39 to 127.0.0.1:27510 closed"), {} as never);
    expect(isDatabaseUnavailable(lost)).toBe(true);
    const duplicate = new MongoBulkWriteError({ message: "E11000", code: 11000, writeErrors: [{ code: 11000 }] } as never, {} as never);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new MongoBulkWriteError(new MongoServerError({ message: "bad", code: 2 }), {} as never))).toBe(false);
  });

  test("anything else is not a database outage", () => {
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { name: "MongoServerError", code: 11000 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
