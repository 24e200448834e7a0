import type { CompanyCard } from "@ketnoi/contracts";
import { DirectoryIndex, type DirectoryEntry, type DirectorySearch } from "./directoryIndex";

function entry(
  id: string,
  name: string,
  key: string,
  over: Partial<CompanyCard> = {},
  meta: Partial<DirectoryEntry<CompanyCard>> = {},
): DirectoryEntry<CompanyCard> {
  const card: CompanyCard = {
    id,
    kind: "domestic",
    legalName: name,
    country: "VN",
    participation: "onsite",
    timeZone: "Asia/Ho_Chi_Minh",
    sectors: [],
    processes: [],
    certifications: [],
    offers: [],
    needs: [],
    languages: ["vi"],
    ...over,
  };
  return {
    facets: card,
    item: card,
    fairId: "f1",
    status: "approved",
    listed: true,
    searchKey: key,
    sortName: key,
    ...meta,
  };
}

const index = new DirectoryIndex([
  entry("1", "Cơ khí Thăng Long", "co khi thang long dong anh", { sectors: ["sec.mech"], processes: ["proc.cnc.milling5"] }),
  entry("2", "Cơ điện Hà Nội", "co dien ha noi", { sectors: ["sec.elec"], certifications: ["cert.rohs"] }),
  entry("3", "Kansai Seiki", "kansai seiki", { kind: "foreign", country: "JP", participation: "remote", languages: ["ja", "en"] }),
  entry("4", "Nhựa Khí Việt", "nhua khi viet", {}, { listed: false }),
  entry("5", "Công ty khác hội chợ", "cong ty khac", {}, { fairId: "f2" }),
]);
const base: DirectorySearch = { fairId: "f1", words: [], publicOnly: true, sort: "name", skip: 0, limit: 10 };
const ids = (q: Partial<DirectorySearch>) => index.search({ ...base, ...q }).items.map((c) => c.id);

describe("DirectoryIndex", () => {
  test("a search asked again (another page, another reader) answers from what it matched until a firm is put or removed", () => {
    const live = new DirectoryIndex([entry("1", "Cơ khí A", "co khi a"), entry("2", "Cơ khí B", "co khi b")]);
    const page = (skip: number) => live.search({ ...base, words: ["co", "khi"], skip, limit: 1 });
    expect([page(0).items[0]?.id, page(1).items[0]?.id, page(0).total]).toEqual(["1", "2", 2]);
    live.put(entry("0", "Cơ khí 0", "co khi 0"));
    expect([page(0).items[0]?.id, page(0).total]).toEqual(["0", 3]);
    live.remove("0");
    live.put(entry("2", "Cơ điện B", "co dien b"));
    expect([page(0).items[0]?.id, page(0).total]).toEqual(["1", 1]);
  });
  test("an answer's key is the same exactly when the answer is: the same search and page of the same directory, unchanged", () => {
    const live = new DirectoryIndex([entry("1", "Cơ khí A", "co khi a"), entry("2", "Cơ khí B", "co khi b")]);
    const key = (q: Partial<DirectorySearch>, of = live) => of.search({ ...base, words: ["co", "khi"], ...q }).answerKey;
    expect(key({})).toBe(key({}));
    const distinct = [key({}), key({ skip: 1 }), key({ limit: 1 }), key({ words: ["co"] }), key({ publicOnly: false }), key({ fairId: "f2" })];
    expect(new Set(distinct).size).toBe(distinct.length);
    const before = key({});
    live.put(entry("3", "Cơ khí C", "co khi c"));
    expect(key({})).not.toBe(before);
    const afterPut = key({});
    live.remove("3");
    expect(key({})).not.toBe(afterPut);
    // Another directory (a reload) with the same firms: its own keys.
    expect(key({}, new DirectoryIndex([entry("1", "Cơ khí A", "co khi a"), entry("2", "Cơ khí B", "co khi b")]))).not.toBe(key({}));
  });

  test("all words but the last are whole words; the last may be a prefix", () => {
    expect(ids({ words: ["co", "khi"] })).toEqual(["1"]);
    expect(ids({ words: ["co", "k"] })).toEqual(["1"]);
    expect(ids({ words: ["co"] })).toEqual(["2", "1"]);
    expect(ids({ words: ["c", "khi"] })).toEqual([]);
  });
  test("a Chinese, Japanese or Korean word is found inside the key, not only as a whole word", () => {
    const cjk = new DirectoryIndex([
      entry("1", "Kanagata", "kanagata 金属プレス加工 금속 프레스 금속프레스"),
      entry("2", "Mould", "mould 金型製作 금형 제작 금형제작"),
    ]);
    const find = (...words: string[]) => cjk.search({ ...base, words }).items.map((c) => c.id);
    expect(find("プレス")).toEqual(["1"]);
    expect(find("金型")).toEqual(["2"]);
    expect(find("금형제작")).toEqual(["2"]);
    expect(find("金型", "mou")).toEqual(["2"]);
    expect(find("mou", "金型")).toEqual([]); // only the last word typed may be a word's start
    expect(find("ラーメン")).toEqual([]);
  });
  test("filters combine, and the public sees only listed, approved companies of the fair", () => {
    expect(ids({ processes: ["proc.cnc", "proc.cnc.milling5"] })).toEqual(["1"]);
    expect(ids({ certifications: ["cert.rohs"] })).toEqual(["2"]);
    expect(ids({ kind: "foreign", participation: "remote", language: "ja", country: "JP" })).toEqual(["3"]);
    expect(ids({ words: ["nhua"] })).toEqual([]);
    expect(ids({ words: ["nhua"], publicOnly: false })).toEqual(["4"]);
    expect(ids({ words: ["cong"] })).toEqual([]);
  });
  test("the language filter matches languages as spoken: zh-Hant finds a profile written zh, and the other way", () => {
    const zh = new DirectoryIndex([
      entry("1", "Chun Hung", "chun hung", { languages: ["zh", "en"] }),
      entry("2", "Tai Shan", "tai shan", { languages: ["zh-Hant"] }),
    ]);
    const search = (language: string) => zh.search({ ...base, language }).items.map((c) => c.id);
    expect(search("zh-Hant")).toEqual(["1", "2"]);
    expect(search("zh")).toEqual(["1", "2"]);
    expect(search("ja")).toEqual([]);
  });
  test("orders by name or by country, pages, and counts every hit", () => {
    expect(ids({})).toEqual(["2", "1", "3"]);
    expect(ids({ sort: "country" })).toEqual(["3", "2", "1"]);
    expect(index.search({ ...base, skip: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ id: "1" }] });
  });
  test("put replaces and remove deletes", () => {
    const copy = new DirectoryIndex([entry("1", "A", "a"), entry("2", "B", "b")]);
    copy.put(entry("1", "C", "c"));
    copy.remove("2");
    expect(copy.search({ ...base, limit: 5 }).items.map((c) => c.legalName)).toEqual(["C"]);
  });
});

describe("a firm in two events", () => {
  // The same firm, onsite at the fair and remote in an online week, and a vendor of the week only.
  const twice = new DirectoryIndex([
    entry("9", "Cơ khí Song Song", "co khi song song", { sectors: ["sec.mech", "sec.auto"] }),
    entry("9", "Cơ khí Song Song", "co khi song song", { participation: "remote", sectors: ["sec.mech", "sec.auto"] }, { fairId: "week" }),
    entry("10", "Seoul Twin", "seoul twin", { kind: "foreign", country: "KR", participation: "remote" }, { fairId: "week" }),
  ]);
  const find = (fairId: string, more: Partial<DirectorySearch> = {}) =>
    twice.search({ fairId, words: [], publicOnly: true, sort: "name", skip: 0, limit: 10, ...more }).items.map((c) => [c.id, c.participation]);

  test("is found in each event as it takes part there, once per event", () => {
    expect(find("f1")).toEqual([["9", "onsite"]]);
    expect(find("week")).toEqual([
      ["9", "remote"],
      ["10", "remote"],
    ]);
    expect(find("week", { participation: "onsite" })).toEqual([]);
  });

  test("counts in each event's figures, each sector once", () => {
    expect(twice.counts("week")).toEqual({ domestic: 1, foreign: 1, byCountry: { VN: 1, KR: 1 }, bySector: { "sec.mech": 1, "sec.auto": 1 } });
    expect(twice.counts("f1")).toEqual({ domestic: 1, foreign: 0, byCountry: { VN: 1 }, bySector: { "sec.mech": 1, "sec.auto": 1 } });
  });

  test("leaves every event's directory when it is removed", () => {
    const copy = new DirectoryIndex([entry("9", "A", "a"), entry("9", "A", "a", {}, { fairId: "week" }), entry("10", "B", "b")]);
    copy.remove("9");
    expect(copy.size).toBe(1);
  });
});
