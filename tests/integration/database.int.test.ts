import { freshDatabase } from "../support/stack";
import { createRepositories, type Repositories } from "../../api/src/repositories";
import { seedDemoFair } from "../../api/src/seed/seedDemoFair";
import { generateDemoFair } from "../../api/src/seed/demoFair";
import { DEMO_DAYS, FIXED_NOW, fairTime } from "../support/clock";

// Mongoose against the real FerretDB (or MongoDB) of the test stack.
describe("database (FerretDB through Mongoose)", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let repos: Repositories;
  beforeAll(async () => {
    db = await freshDatabase("database");
    repos = createRepositories(db.models);
  });
  afterAll(() => db.drop());

  test("a document written through Mongoose reads back as a plain object", async () => {
    const fair = await repos.fairs.upsertBySlug(generateDemoFair(DEMO_DAYS).fair);
    const company = { ...generateDemoFair(DEMO_DAYS).companies[0]!, fairId: fair.id };
    const ids = await repos.companies.upsertMany([company]);
    const stored = await repos.companies.findByRegistrationKey(company.registrationKey);
    expect(stored).not.toBeNull();
    expect(stored!.id).toBe(ids.get(company.registrationKey));
    expect(stored!.legalName).toBe(company.legalName);
    expect(stored!.fairId).toBe(fair.id);
    expect(stored!.processes.map((p) => p.code)).toEqual(company.processes.map((p) => p.code));
    expect(Object.keys(stored!)).not.toContain("_id");
  });

  test("a created meeting is returned as it reads back (create does not read it again)", async () => {
    const fair = await repos.fairs.upsertBySlug(generateDemoFair(DEMO_DAYS).fair);
    const [a, b] = generateDemoFair(DEMO_DAYS)
      .companies.slice(0, 2)
      .map((c) => ({ ...c, fairId: fair.id }));
    const ids = await repos.companies.upsertMany([a!, b!]);
    const [requesterId, recipientId] = [ids.get(a!.registrationKey)!, ids.get(b!.registrationKey)!];
    const id = repos.meetings.newId();
    const created = await repos.meetings.create(
      id,
      {
        fairId: fair.id,
        requesterId,
        recipientId,
        parties: [requesterId, recipientId],
        requestedBy: requesterId,
        message: "Khuôn dập",
        preferredMode: "either",
        dayPart: "any",
        source: "booking",
        status: "booked",
        startsAt: fairTime(1, "09:00"),
        endsAt: fairTime(1, "09:30"),
        mode: "onsite",
        table: 7,
        sequence: 0,
        outcomes: [],
        absent: [],
        checkInCode: "c".repeat(24),
        reservationKeys: ["k1", "k2"],
      },
      requesterId,
    );
    expect(created).toEqual(await repos.meetings.findById(id));
    expect(created).toMatchObject({ id, version: 1, fairId: fair.id, parties: [requesterId, recipientId], table: 7 });
  });

  test("unique indexes hold: a second user with the same email is refused by the database", async () => {
    const user = {
      name: "A",
      email: "dup@example.vn",
      passwordHash: "x",
      role: "domestic" as const,
      locale: "vi" as const,
      timeZone: "Asia/Ho_Chi_Minh",
      consents: [],
    };
    await db.models.User.create(user);
    await expect(db.models.User.create({ ...user, email: "DUP@example.vn" })).rejects.toMatchObject({ code: 11000 });
    expect(await db.models.User.countDocuments({ email: "dup@example.vn" })).toBe(1);
  });

  test("bulk writes of more than 100 operations complete (batched below FerretDB's limit)", async () => {
    const fair = await repos.fairs.findBySlug(generateDemoFair(DEMO_DAYS).fair.slug);
    const companies = generateDemoFair(DEMO_DAYS)
      .companies.slice(0, 150)
      .map((c) => ({ ...c, fairId: fair!.id }));
    const ids = await repos.companies.upsertMany(companies);
    expect(ids.size).toBe(150);
    const again = await repos.companies.upsertMany(companies);
    expect([...again.entries()]).toEqual([...ids.entries()]);
  });

  test("seeding the demo fair twice leaves exactly one copy of everything", async () => {
    const first = await seedDemoFair(repos, FIXED_NOW);
    const second = await seedDemoFair(repos, FIXED_NOW);
    expect(first.companies).toBe(260);
    expect(second.usersCreated).toBe(0);
    expect(await db.models.Company.countDocuments()).toBe(260);
    // Seeded again, the firms are still approved (their cards stay public).
    expect(await db.models.Company.countDocuments({ status: "approved" })).toBe(260);
    expect(await db.models.Fair.countDocuments()).toBe(1);
    expect(await db.models.User.countDocuments({ email: /@ketnoi\.demo$/ })).toBe(4);
    expect(await db.models.Interpreter.countDocuments()).toBe(12);
    expect(await db.models.FairSession.countDocuments()).toBe(12);
    expect(await db.models.SessionRegistration.countDocuments()).toBe(40);
    const fair = (await repos.fairs.findBySlug("cnht-hanoi-2026"))!;
    const registered = await repos.participations.listForFair(fair.id);
    expect(registered).toHaveLength(260);
    const kinds = (await repos.companies.findByIds(registered.map((r) => r.companyId))).map((c) => c.kind);
    expect([kinds.filter((k) => k === "domestic").length, kinds.filter((k) => k === "foreign").length]).toEqual([200, 60]);
  });
});
