import { createRevisionCache } from "./revisionCache";

describe("a value cached per companies revision", () => {
  test("built once per revision, shared by concurrent callers; a new revision waits for its rebuild", async () => {
    const cache = createRevisionCache<string>(60_000);
    let builds = 0;
    const build = (value: string) => async () => {
      builds++;
      return value;
    };
    expect(await Promise.all([cache.get(1, 0, build("a")), cache.get(1, 10, build("b"))])).toEqual(["a", "a"]);
    expect(await cache.get(1, 20, build("c"))).toBe("a");
    expect(builds).toBe(1);
    expect(await cache.get(2, 30, build("d"))).toBe("d");
    expect(builds).toBe(2);
  });

  test("older than its age limit: answered from the old value while the new one is built", async () => {
    const cache = createRevisionCache<string>(1_000);
    await cache.get(1, 0, async () => "old");
    let release: (v: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (release = resolve));
    expect(await cache.get(1, 5_000, () => slow)).toBe("old");
    release("new");
    await slow;
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(1, 5_001, async () => "unused")).toBe("new");
  });

  test("a failed build is not kept: the next caller builds again", async () => {
    const cache = createRevisionCache<string>(60_000);
    await expect(cache.get(1, 0, async () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    expect(await cache.get(1, 1, async () => "back")).toBe("back");
  });
});
