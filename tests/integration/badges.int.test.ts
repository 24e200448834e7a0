import { Types } from "mongoose";
import { freshDatabase } from "../support/stack";
import { createRepositories, type Repositories } from "../../api/src/repositories";

/** Badge codes against the real database: one per person even when asked for at once, opaque, forgettable. */
describe("badges: one opaque code per person", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let repos: Repositories;
  beforeAll(async () => {
    db = await freshDatabase("badges");
    repos = createRepositories(db.models);
    await db.models.Badge.init(); // the unique index on userId
  });
  afterAll(() => db.drop());
  const person = () => new Types.ObjectId().toHexString();

  test("asked for at once, a person still gets one code, and it resolves back to them", async () => {
    const id = person();
    const codes = await Promise.all(Array.from({ length: 8 }, () => repos.badges.codeFor(id)));
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(codes[0]).not.toContain(id);
    expect(await repos.badges.userFor(codes[0]!)).toBe(id);
    expect(await db.models.Badge.countDocuments({ userId: new Types.ObjectId(id) })).toBe(1);
  });

  test("codes for many people keep the ones already made and make the rest", async () => {
    const known = person();
    const first = await repos.badges.codeFor(known);
    const others = [person(), person(), person()];
    const codes = await repos.badges.codesFor([known, ...others]);
    expect(codes.get(known)).toBe(first);
    expect(new Set(others.map((o) => codes.get(o))).size).toBe(3);
  });

  test("a forgotten person's badge no longer resolves; an unknown code is nobody", async () => {
    const id = person();
    const code = await repos.badges.codeFor(id);
    await repos.badges.removeFor(id);
    expect(await repos.badges.userFor(code)).toBeNull();
    expect(await repos.badges.userFor("not-a-badge-code-at-all")).toBeNull();
  });
});
