import { InstanceSchema } from "./format";
import { generateWorld } from "./generateWorld";
import { slotDays } from "./slotDays";

describe("the largest fairs' generator", () => {
  const inst = generateWorld();

  test("writes a valid instance of the issue's size, the same for the same seed", () => {
    expect(InstanceSchema.safeParse(inst).success).toBe(true);
    expect(inst.participants).toHaveLength(15000);
    expect(inst.meetings).toHaveLength(90000);
    expect([inst.onsiteTables, inst.onlineRooms, inst.interpreters.length]).toEqual([1200, 400, 60]);
    // Three days of 32 twenty-minute slots (onsite hours and the online evening block).
    const days = slotDays(inst);
    expect(new Set(days).size).toBe(3);
    expect(days.filter((d) => d === days[0])).toHaveLength(32);
    for (const s of inst.slots) expect(Date.parse(s.end) - Date.parse(s.start)).toBe(20 * 60_000);
    const small = { seed: 3, domesticSuppliers: 40, foreignSuppliers: 10, onsiteBuyers: 20, remoteBuyers: 30, requests: 300 };
    expect(JSON.stringify(generateWorld(small))).toBe(JSON.stringify(generateWorld(small)));
    expect(JSON.stringify(generateWorld({ ...small, seed: 4 }))).not.toBe(JSON.stringify(generateWorld(small)));
  });

  test("has 40% remote participants, the Americas' only in the evening block, and remote meetings online", () => {
    const remote = inst.participants.filter((p) => !p.onsite);
    expect(remote.length / inst.participants.length).toBeCloseTo(0.4, 5);
    const evening = (slot: string) => Number(slot.slice(3)) > 24;
    // Onsite buyers are at the fair by day only; some remote buyers (the Americas) only in the evening.
    expect(inst.participants.filter((p) => p.id.startsWith("B")).every((p) => !p.available.some(evening))).toBe(true);
    expect(remote.some((p) => p.available.length > 0 && p.available.every(evening))).toBe(true);
    expect(remote.some((p) => p.available.some((s) => !evening(s)))).toBe(true);
    const onsite = new Map(inst.participants.map((p) => [p.id, p.onsite]));
    for (const mt of inst.meetings) if (!onsite.get(mt.b)) expect(mt.mode).toBe("online");
    expect(inst.meetings.some((mt) => mt.languages)).toBe(true);
  });
});
