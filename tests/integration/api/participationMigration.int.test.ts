import { Types } from "mongoose";
import { migrateParticipations } from "../../../api/src/commands/fairs/migrateParticipations";
import { useSeededApp } from "../../support/app";

/**
 * A database from before firms lasted across events: every firm belonged to one fair (company.fairId)
 * and nothing recorded its registration. The api's start (and the seed) make each firm's registration
 * for that fair; the fair, the firms and their meetings stay exactly as they were.
 */
describe("a single-fair database becomes one event of the lasting directory", () => {
  const t = useSeededApp("participationmigration");

  const snapshot = async () => {
    const { Company, Meeting, Fair, User } = t.db.models;
    return {
      fairs: await Fair.find().sort({ _id: 1 }).lean(),
      companies: await Company.find().sort({ _id: 1 }).lean(),
      meetings: await Meeting.find().sort({ _id: 1 }).lean(),
      users: await User.find().sort({ _id: 1 }).lean(),
    };
  };

  test("each firm is registered for its fair with its status and participation; nothing else changes; a second run makes none", async () => {
    const { Company, Participation } = t.db.models;
    const fair = (await t.db.models.Fair.findOne().lean())!;
    // As the database stood before: no registrations, and a firm awaiting approval written past the repository.
    await Participation.deleteMany({});
    const pendingId = new Types.ObjectId();
    const template = (await Company.findOne({ kind: "domestic" }).lean())!;
    await Company.collection.insertOne({
      ...template,
      _id: pendingId,
      registrationKey: `VN:pending-${pendingId.toHexString()}`,
      status: "pending",
      participation: "remote",
    });
    const before = await snapshot();
    expect(before.companies.length).toBeGreaterThan(10);
    expect(await Participation.countDocuments()).toBe(0);

    expect(await migrateParticipations(t.repos)).toEqual({ registered: before.companies.length });

    const registrations = await t.repos.participations.listForFair(fair._id.toHexString());
    expect(registrations).toHaveLength(before.companies.length);
    const byCompany = new Map(registrations.map((r) => [r.companyId, r]));
    for (const c of before.companies) {
      const r = byCompany.get(c._id.toHexString());
      expect(r).toMatchObject({ fairId: c.fairId.toHexString(), status: c.status ?? "approved", participation: c.participation });
    }
    expect(byCompany.get(pendingId.toHexString())).toMatchObject({ status: "pending", participation: "remote" });
    expect(await snapshot()).toEqual(before);

    // Approved since: a second run keeps the approval and registers nothing.
    expect(await t.repos.participations.approve(fair._id.toHexString(), pendingId.toHexString())).toBe(true);
    expect(await migrateParticipations(t.repos)).toEqual({ registered: 0 });
    expect((await t.repos.participations.find(fair._id.toHexString(), pendingId.toHexString()))?.status).toBe("approved");
    expect(await Participation.countDocuments()).toBe(before.companies.length);
  });

  test("a firm created, approved and deleted keeps its registration in step", async () => {
    const fairId = (await t.db.models.Fair.findOne().lean())!._id.toHexString();
    const template = (await t.repos.companies.listAll()).find((c) => c.kind === "domestic")!;
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      status: _s,
      sortName: _n,
      ...profile
    } = template as typeof template & {
      createdAt?: Date;
      updatedAt?: Date;
    };
    const id = await t.repos.companies.createPending({ ...profile, registrationKey: `VN:new-${Date.now()}`, fairId } as never);
    expect((await t.repos.participations.find(fairId, id))?.status).toBe("pending");
    expect(await t.repos.companies.approve(id)).toBe(true);
    expect((await t.repos.participations.find(fairId, id))?.status).toBe("approved");
    await t.repos.companies.deleteById(id);
    expect(await t.repos.participations.listForCompany(id)).toEqual([]);
  });
});
