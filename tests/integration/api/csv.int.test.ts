import request from "supertest";
import { parse } from "csv-parse/sync";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

const LIST = [
  "\uFEFFkind,legal_name,english_name,tax_code,country,district,time_zone,participation,sectors,processes,certifications,offers,languages,employees,export_markets,description_vi,description_en,listed",
  'domestic,Công ty TNHH Cơ khí Mới Sóc Sơn,Soc Son New Mechanical Co.,0100109106,VN,Sóc Sơn,,,sec.mech,proc.cnc.turning;proc.welding,cert.iso9001,,vi;en,85,JP,"Gia công chi tiết, hàn",Machined and welded parts,1',
  "foreign,Kyoto Servo Systems Co.,,,JP,,Asia/Tokyo,remote,sec.mech,,,tech.press.servo,ja;en,300,,,,1",
  "domestic,Công ty Cổ phần Sai Mã,,0100101373,VN,Đông Anh,,,sec.mech,,,,vi,,,,,1",
  "domestic,Công ty TNHH Mã Lạ,,0100101379,VN,Gia Lâm,,,sec.mech,proc.teleport,,,vi,,,,,1",
  "domestic,Công ty TNHH Trùng,,0100109106,VN,Gia Lâm,,,sec.mech,,,,vi,,,,,1",
].join("\n");

describe("company lists: CSV import and export", () => {
  const t = useSeededApp("csv");
  let organiser: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
  });
  const post = (body: object, lang = "en") =>
    organiser.agent
      .post("/api/companies/import")
      .set({ ...organiser.csrf, "Accept-Language": lang })
      .send(body);

  test("a dry run reports every bad line and stores nothing", async () => {
    const before = await t.db.models.Company.countDocuments();
    const res = await post({ csv: LIST, dryRun: true }).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, created: 2, updated: 0, rejected: 3 });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { line: 4, field: "tax_code", message: "Invalid tax code (10 digits, or 13 with a branch suffix)." },
        { line: 5, field: "processes.0.code", message: "Unknown taxonomy code." },
        { line: 6, field: "tax_code", message: "This company already appears on an earlier line of the file." },
      ]),
    );
    expect(await t.db.models.Company.countDocuments()).toBe(before);
  });

  test("an import creates the good lines whole, in Vietnamese, and they are searchable at once", async () => {
    const before = await t.db.models.Company.countDocuments();
    const res = await post({ csv: LIST }, "vi").expect(200);
    expect(res.body).toMatchObject({ created: 2, rejected: 3 });
    expect(res.body.errors.find((e: { line: number }) => e.line === 4).message).toMatch(/Mã số thuế/);
    expect(await t.db.models.Company.countDocuments()).toBe(before + 2);
    const firm = await t.db.models.Company.findOne({ taxCode: "0100109106" }).lean();
    expect(firm).toMatchObject({
      legalName: "Công ty TNHH Cơ khí Mới Sóc Sơn",
      district: "Sóc Sơn",
      employees: 85,
      status: "approved",
      description: { vi: "Gia công chi tiết, hàn" },
    });
    expect(firm!.processes.map((p) => p.code)).toEqual(["proc.cnc.turning", "proc.welding"]);
    expect(await t.db.models.Company.countDocuments({ legalName: "Công ty TNHH Mã Lạ" })).toBe(0);
    const found = await request(t.app).get("/api/companies?q=co%20khi%20moi").expect(200);
    expect(found.body.data.map((c: { legalName: string }) => c.legalName)).toContain("Công ty TNHH Cơ khí Mới Sóc Sơn");
  });

  test("importing again updates the listed fields and keeps what the firm entered itself", async () => {
    await t.db.models.Company.updateOne({ taxCode: "0100109106" }, { $set: { needs: [{ kind: "technology", codes: ["tech.robot"], priority: 1 }] } });
    const res = await post({ csv: LIST.replace(",85,", ",90,") }).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 2 });
    const firm = await t.db.models.Company.findOne({ taxCode: "0100109106" }).lean();
    expect(firm!.employees).toBe(90);
    expect(firm!.needs.flatMap((n) => n.codes)).toEqual(["tech.robot"]);
  });

  test("the export is the import format: it reads back without a single error", async () => {
    const res = await organiser.agent.get("/api/companies/export").expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/cnht-hanoi-2026-companies\.csv/);
    const rows = parse(res.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(262);
    expect(rows.find((r) => r.tax_code === "0100109106")!.legal_name).toBe("Công ty TNHH Cơ khí Mới Sóc Sơn");
    const again = await post({ csv: res.text, dryRun: true }).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 262, rejected: 0, errors: [] });
  });

  test("the user export lists accounts without secrets", async () => {
    const res = await organiser.agent.get("/api/users/export").expect(200);
    const rows = parse(res.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.email)).toContain("organiser@ketnoi.demo");
    expect(Object.keys(rows[0]!)).not.toContain("passwordHash");
    expect(res.text).not.toMatch(/argon2/);
  });
});
