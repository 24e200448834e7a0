import mongoose from "mongoose";
import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { exportFair, FairImportError, importFair } from "../../../api/src/commands/fairs/fairData";
import { createRepositories } from "../../../api/src/repositories";
import { buildTestApp, FIXED_NOW, useSeededApp } from "../../support/app";
import { freshDatabase } from "../../support/stack";

const { EJSON } = mongoose.mongo.BSON;
const partsOf = (text: string) => (EJSON.parse(text, { relaxed: false }) as { parts: Record<string, unknown[]> }).parts;

describe("a whole fair's data as JSON: export, import elsewhere, same data", () => {
  const t = useSeededApp("fairdata");

  test("the round trip keeps every record, ids, dates and file bytes; accounts arrive locked; a second import is refused", async () => {
    await seedDemoMeetings(t.repos, () => FIXED_NOW);
    const company = (await t.db.models.Company.findOne({ kind: "domestic" }).lean())!._id.toHexString();
    await t.repos.attachments.save(
      { companyId: company, kind: "catalogue", name: "catalogue.pdf", contentType: "application/pdf" },
      Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(300_000, 7)]),
    );
    const text = (await exportFair(t, "cnht-hanoi-2026"))!;
    const parts = partsOf(text);
    expect(parts.companies).toHaveLength(260);
    expect(parts.meetings!.length).toBeGreaterThan(0);
    expect(parts.attachmentChunks!.length).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("argon2");

    const other = await freshDatabase("fairdata_target");
    const target = { repos: createRepositories(other.models) };
    try {
      const counts = await importFair(target, text);
      expect(counts).toMatchObject({ fairs: 1, companies: 260, interpreters: 12 });
      expect(partsOf((await exportFair(target, "cnht-hanoi-2026"))!)).toEqual(parts);
      // The imported fair works: the api serves it, its file reads back byte for byte.
      const { app, repos } = buildTestApp(other, { now: () => FIXED_NOW });
      const summary = (await request(app).get("/api/fairs/current").expect(200)).body;
      expect(summary.counts).toMatchObject({ domestic: 200, foreign: 60 });
      const [meta] = await repos.attachments.listForCompany(company);
      expect((await repos.attachments.read(meta!)).length).toBe(300_009);
      // Accounts come without password hashes: they sign in after a reset.
      await request(app).post("/api/auth/login").send({ email: "domestic@ketnoi.demo", password: DEMO_PASSWORD }).expect(401);

      await expect(importFair(target, text)).rejects.toThrow(FairImportError);
      expect(await other.models.Company.countDocuments()).toBe(260);
    } finally {
      await other.drop();
    }
  });

  test("an import that fails part-way is undone: nothing is left half-written", async () => {
    const text = (await exportFair(t, "cnht-hanoi-2026"))!;
    const other = await freshDatabase("fairdata_clash");
    const target = { repos: createRepositories(other.models) };
    try {
      // A record already there with the id of one of the fair's meetings: the import trips over it.
      const meetingId = (partsOf(text).meetings![0] as { _id: mongoose.Types.ObjectId })._id;
      await other.models.Meeting.collection.insertOne({ _id: meetingId, note: "in the way" });
      await expect(importFair(target, text)).rejects.toThrow(/undone/);
      for (const model of [
        other.models.Fair,
        other.models.Company,
        other.models.User,
        other.models.Interpreter,
        other.models.FairSession,
        other.models.Attachment,
      ]) {
        expect(await (model as unknown as mongoose.Model<object>).countDocuments()).toBe(0);
      }
      expect(await other.models.Meeting.countDocuments()).toBe(1);
    } finally {
      await other.drop();
    }
  });
});
