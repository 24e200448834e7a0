import request from "supertest";
import { DirectoryPageSchema } from "@ketnoi/contracts";
import { useSeededApp } from "../../support/app";

// A Japanese, Korean or Taiwanese buyer types a capability in their own script (issue #18: 金型, プレス,
// 프레스, 금형, 模具 found nothing while "khuon" found 24 firms).
describe("directory search in the reader's own script", () => {
  const t = useSeededApp("directory-scripts");
  const ids = async (qs: string) => {
    const page = DirectoryPageSchema.parse((await request(t.app).get(`/api/companies?${qs}&pageSize=100`).expect(200)).body);
    expect(page.total).toBeLessThanOrEqual(100); // every hit on the one page, so the sets below are whole
    return new Set(page.data.map((c) => c.id));
  };
  const q = (text: string) => ids(`q=${encodeURIComponent(text)}`);
  /** The listed firms that have one of these codes as a process, material, certification or offer. */
  const firmsWith = async (codes: string[]) => {
    const docs = await t.db.models.Company.find({ listed: true }).lean();
    const has = (c: (typeof docs)[number]) =>
      [
        ...c.processes.flatMap((p) => [p.code, ...p.materials]),
        ...c.certifications.map((x) => x.code),
        ...c.offers.map((o) => o.code),
        ...c.sectors,
      ].some((code) => codes.includes(code!));
    return new Set(docs.filter(has).map((c) => c._id.toHexString()));
  };

  test("金型, 금형 and 模具 (mould making) find the firms that make moulds, as 'khuon' does", async () => {
    const mould = await firmsWith(["proc.mould"]);
    expect(mould.size).toBeGreaterThan(5);
    expect(await q("金型")).toEqual(mould);
    expect(await q("금형")).toEqual(mould);
    expect(await q("模具")).toEqual(mould);
    // Korean typed without the label's space, and the process filter, agree.
    expect(await q("금형제작")).toEqual(mould);
    expect(await ids("process=proc.mould")).toEqual(mould);
    // The Vietnamese word finds them too (and may find more: "khuôn" is also in product names).
    const khuon = await q("khuon");
    expect([...mould].every((id) => khuon.has(id))).toBe(true);
  });

  test("プレス and 프레스 find stamping shops and press makers alike, as the Vietnamese 'dap' does (and more)", async () => {
    const press = await firmsWith(["proc.stamping", "proc.stamping.progressive", "tech.press", "tech.press.servo"]);
    expect(press.size).toBeGreaterThan(5);
    expect(await q("プレス")).toEqual(press);
    expect(await q("프레스")).toEqual(press);
    expect(await q("ﾌﾟﾚｽ")).toEqual(press); // half-width katakana, as some input methods type it
    // "dap" finds them too, and more: "dập" is also in products' names ("Khuôn dập liên hoàn").
    const dap = await q("dap");
    expect([...press].every((id) => dap.has(id))).toBe(true);
  });

  test("a material, a sector and a certification in Japanese, Korean or Chinese find the firms holding them", async () => {
    expect(await q("ステンレス")).toEqual(await firmsWith(["mat.stainless"]));
    expect(await q("電子")).toEqual(await firmsWith(["sec.elec"]));
    expect(await q("자동차")).toEqual(await firmsWith(["sec.auto"]));
    const iatf = await firmsWith(["cert.iatf16949"]);
    expect(iatf.size).toBeGreaterThan(0);
    expect(await q("IATF 16949")).toEqual(iatf);
  });

  test("CJK text no firm has finds none, nor two labels run together that no firm has as one", async () => {
    expect(await q("ラーメン")).toEqual(new Set());
    expect(await q("猫耳")).toEqual(new Set());
    expect(await q("金型プレス")).toEqual(new Set());
    expect(await q("フレス")).toEqual(new Set()); // a voicing mark is not a diacritic: フ is not プ
  });
});
