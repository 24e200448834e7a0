import { companySearchKey } from "./directory";
import { isUnspacedText, normalizeSearchText } from "./text";

const firm = {
  legalName: "Công ty TNHH Khuôn mẫu Đông Anh",
  englishName: "Dong Anh Mould Co., Ltd.",
  district: "Đông Anh",
  products: [{ name: { vi: "Khuôn ép nhựa", en: "Injection moulds" } }],
  sectors: ["sec.mech"],
  processes: [{ code: "proc.mould", materials: ["mat.stainless"] }],
  certifications: [{ code: "cert.iatf16949" }],
  offers: [],
};

describe("companySearchKey", () => {
  const key = companySearchKey(firm);
  test("holds the labels of its sectors, processes, materials and certifications in all five languages", () => {
    for (const label of [
      "Chế tạo khuôn mẫu",
      "Mould and die making",
      "金型製作",
      "금형 제작",
      "模具製造",
      "ステンレス鋼",
      "不鏽鋼",
      "機械工業",
      "IATF 16949",
    ]) {
      expect(key).toContain(normalizeSearchText(label));
    }
  });
  test("also holds a Korean label with its spaces closed up, but never two labels run together", () => {
    expect(key.split(" ")).toContain("금형제작");
    expect(key).not.toContain("金型製作ステンレス");
  });
  test("holds the technology a vendor offers", () => {
    const vendor = companySearchKey({ ...firm, processes: [], certifications: [], offers: [{ code: "tech.press.servo" }] });
    expect(vendor).toContain("サーボプレス");
    expect(vendor).toContain("may dap servo");
    expect(vendor).not.toContain("金型");
  });
});

describe("isUnspacedText", () => {
  test.each([
    ["金型", true],
    ["プレス", true],
    ["프레스", true],
    ["cnc加工", true],
    ["khuon", false],
    ["iso", false],
  ])("%s -> %s", (word, expected) => {
    expect(isUnspacedText(word)).toBe(expected);
  });
});
