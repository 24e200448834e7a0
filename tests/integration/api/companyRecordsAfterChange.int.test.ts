import type { CommandStartedEvent } from "mongodb";
import { createRepositories } from "../../../api/src/repositories";
import { seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { FIXED_NOW } from "../../support/clock";
import { freshDatabase } from "../../support/stack";

/**
 * After any firm's change (or a start) the process reads firms afresh. A lone edit read back is one
 * read by its _id; a rush (many bookings at once, each reading its two firms) reads a few by their
 * _id and then every firm in one query, so it does not make a scan per firm on FerretDB (it made 250
 * at the start of the booking bench's uncontended run, and its first second waited on them).
 */
describe("firm records read afresh after a change", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let repos: ReturnType<typeof createRepositories>;
  let ids: string[];
  const finds: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase("company-records", { monitorCommands: true });
    repos = createRepositories(db.models);
    await seedDemoFair(repos, FIXED_NOW);
    ids = (await db.models.Company.find({}, { _id: 1 }).lean()).map((c) => c._id.toHexString());
    db.connection.getClient().on("commandStarted", (e: CommandStartedEvent) => {
      if (e.commandName === "find" && e.command.find === "companies") finds.push(JSON.stringify(e.command.filter ?? {}));
    });
  });
  afterAll(() => db.drop());

  /** The company reads `read` sends, and what it returns. */
  const findsOf = async <T>(read: () => Promise<T>) => {
    finds.length = 0;
    const result = await read();
    return { result, finds: [...finds] };
  };
  /** A change past the repository (a script): every process's copies of every firm are stale. */
  const changeAll = (city: string) => db.models.Company.updateMany({}, { $set: { city } });

  test("one firm read back after a change is one read by its id", async () => {
    await changeAll("Hà Nội");
    const { result, finds: sent } = await findsOf(() => repos.companies.findById(ids[0]!));
    expect(result?.city).toBe("Hà Nội");
    expect(sent).toEqual([JSON.stringify({ _id: ids[0] })]);
  });

  test("many firms read at once after a change: eight by their ids, then all in one query, then none", async () => {
    expect(ids.length).toBeGreaterThan(30);
    await changeAll("Bắc Ninh");
    const { result, finds: sent } = await findsOf(() => Promise.all(ids.map((id) => repos.companies.findById(id))));
    expect(result.map((c) => c?.id)).toEqual(ids);
    expect(result.every((c) => c?.city === "Bắc Ninh")).toBe(true);
    expect(sent.filter((f) => f === "{}")).toHaveLength(1);
    expect(sent.filter((f) => f.startsWith('{"_id":'))).toHaveLength(8);
    expect(sent).toHaveLength(9);
    // All of them kept: read again, nothing is sent.
    const again = await findsOf(() => Promise.all(ids.map((id) => repos.companies.findById(id))));
    expect(again.finds).toEqual([]);
    expect(again.result.map((c) => c?.city)).toEqual(ids.map(() => "Bắc Ninh"));
  });

  test("a firm changed after the whole set was read is read afresh, with its change", async () => {
    await Promise.all(ids.map((id) => repos.companies.findById(id)));
    await db.models.Company.updateOne({ _id: ids[5] }, { $set: { city: "Hải Phòng" } });
    const { result } = await findsOf(() => repos.companies.findById(ids[5]!));
    expect(result?.city).toBe("Hải Phòng");
    expect((await repos.companies.findById(ids[6]!))?.city).toBe("Bắc Ninh");
  });

  test("an id no firm has is none, read by itself, after the whole set", async () => {
    await changeAll("Hưng Yên");
    await Promise.all(ids.map((id) => repos.companies.findById(id)));
    const unknown = "0123456789abcdef01234567";
    const { result, finds: sent } = await findsOf(() => repos.companies.findById(unknown));
    expect(result).toBeNull();
    expect(sent).toEqual([JSON.stringify({ _id: unknown })]);
  });
});
