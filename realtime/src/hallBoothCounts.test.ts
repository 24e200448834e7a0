import { createHallBoothCounts } from "./hallBoothCounts";

describe("the hall's booth counts on one node", () => {
  test("counted across nodes once, then kept current by announcements (a booth with none leaves the map)", async () => {
    let counts = 0;
    const hall = createHallBoothCounts(async () => {
      counts++;
      return { a: 2, b: 1 };
    });
    expect(await hall.all()).toEqual({ a: 2, b: 1 });
    hall.set("b", 0);
    hall.set("c", 3);
    expect(await hall.all()).toEqual({ a: 2, c: 3 });
    expect(counts).toBe(1);
  });

  test("an announcement heard while the first count is under way is newer than it and wins", async () => {
    let finish: (c: Record<string, number>) => void = () => undefined;
    const hall = createHallBoothCounts(() => new Promise((resolve) => (finish = resolve)));
    const first = hall.all();
    const second = hall.all(); // one count serves both
    hall.set("a", 5);
    finish({ a: 4, b: 1 });
    expect(await first).toEqual({ a: 5, b: 1 });
    expect(await second).toEqual({ a: 5, b: 1 });
  });

  test("after announcements may have been missed (Redis was away) it counts afresh", async () => {
    let n = 0;
    const hall = createHallBoothCounts(async () => ({ a: ++n }));
    expect(await hall.all()).toEqual({ a: 1 });
    hall.forget();
    hall.set("z", 1); // heard while nothing is loaded: the fresh count includes it anyway
    expect(await hall.all()).toEqual({ a: 2 });
  });

  test("a failed count is not kept: the next newcomer asks again", async () => {
    let fail = true;
    const hall = createHallBoothCounts(async () => {
      if (fail) throw new Error("redis timeout");
      return { a: 1 };
    });
    await expect(hall.all()).rejects.toThrow("redis timeout");
    fail = false;
    expect(await hall.all()).toEqual({ a: 1 });
  });
});
