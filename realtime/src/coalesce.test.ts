import { coalesce } from "./coalesce";

describe("coalesce", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("the first ask runs at once; a burst within the window runs once more at its end; a quiet window runs nothing", async () => {
    let runs = 0;
    const ask = coalesce(
      async () => void runs++,
      500,
      () => undefined,
    );
    ask();
    expect(runs).toBe(1);
    for (let i = 0; i < 1000; i++) ask();
    expect(runs).toBe(1);
    jest.advanceTimersByTime(500);
    expect(runs).toBe(2); // the burst's last state
    jest.advanceTimersByTime(500);
    expect(runs).toBe(2); // nothing asked meanwhile
    jest.advanceTimersByTime(500);
    ask();
    expect(runs).toBe(3); // a new ask after a quiet window runs at once again
  });

  test("a failing run is reported and does not stop later runs", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const ask = coalesce(
      async () => {
        calls++;
        throw new Error("redis away");
      },
      100,
      (err) => errors.push(err),
    );
    ask();
    await Promise.resolve();
    jest.advanceTimersByTime(100);
    ask();
    await Promise.resolve();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
