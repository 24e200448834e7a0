import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import type { UserRole } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { BADGE_FONT_FILES } from "../../../api/src/services/badgePdf/fonts";
import { buildTestApp, useSeededApp, signIn, TEST_ORIGIN, FIXED_NOW } from "../../support/app";
import { stack } from "../../support/stack";
import { decodeGrid, gridFromQrSvg, gridFromRects } from "../../support/qrDecode";
import { pageContents, rectsOf } from "../../support/pdfContent";
import { readPdfText } from "../../support/pdfText";

/** Reads a body as text or bytes whatever its type (supertest leaves an SVG's or a PDF's bytes unread). */
const bytes = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("end", () => done(null, Buffer.concat(chunks)));
};
const A6 = { w: 297.64, h: 419.53 };
const A4 = { w: 595.28, h: 841.89 };
/** The badge's inner margin: no text may come nearer its edge. */
const MARGIN = 16;
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

/** Participants in their own scripts, each in a firm whose legal name is in its own script too. */
const PEOPLE = [
  {
    key: "vn",
    name: "Nguyễn Thị Ngọc Ánh",
    role: "domestic",
    country: "VN",
    firm: "Công ty Cổ phần Cơ khí Chính xác Đông Anh",
    countryLabel: "Việt Nam · Vietnam",
  },
  { key: "jp", name: "佐藤 健二", role: "vendor", country: "JP", firm: "株式会社関西精機", countryLabel: "Nhật Bản · Japan" },
  { key: "kr", name: "김민준", role: "vendor", country: "KR", firm: "대성정밀 주식회사", countryLabel: "Hàn Quốc · South Korea" },
  { key: "tw", name: "陳美玲", role: "vendor", country: "TW", firm: "信源機械股份有限公司", countryLabel: "Đài Loan · Taiwan" },
] as const;
/** Longer than any badge line: it must be cut, never run over the badge's edge. */
const LONG_NAME = "Nguyễn Hoàng Phương Thảo Bảo Ngọc Thiên Hương Minh Khuê Diễm Lệ Quỳnh Anh Tường Vy Thanh Tâm Hồng Nhung Kết Thúc";

describe("badges", () => {
  const t = useSeededApp("badges");
  const ids: Record<string, { user: string; company: string }> = {};
  const names = new Map<string, string>();
  const artifacts = path.resolve(stack.artifactsDir());

  beforeAll(async () => {
    const passwordHash = (await t.db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean())!.passwordHash;
    // Firms with no one in them yet (not the demo logins'), so a firm's badges are exactly these people's.
    const taken = (await t.db.models.User.find({ companyId: { $exists: true } }).lean()).map((u) => u.companyId);
    for (const p of PEOPLE) {
      const company = await t.db.models.Company.findOneAndUpdate(
        { kind: p.country === "VN" ? "domestic" : "foreign", country: p.country, status: "approved", _id: { $nin: taken } },
        { $set: { legalName: p.firm } },
        { returnDocument: "after" },
      ).lean();
      const user = await t.repos.users.create({
        email: `${p.key}@badges.example`,
        name: p.name,
        role: p.role,
        companyId: company!._id.toHexString(),
        companyRole: "member",
        locale: "en",
        timeZone: "Asia/Ho_Chi_Minh",
        consents: [],
        passwordHash,
      });
      ids[p.key] = { user: user.id, company: company!._id.toHexString() };
    }
    const long = await t.repos.users.create({
      email: "long@badges.example",
      name: LONG_NAME,
      role: "domestic",
      companyId: ids.vn!.company,
      companyRole: "member",
      locale: "vi",
      timeZone: "Asia/Ho_Chi_Minh",
      consents: [],
      passwordHash,
    });
    ids.long = { user: long.id, company: ids.vn!.company };
    for (const u of await t.repos.users.listAll()) names.set(u.id, u.name);
    mkdirSync(artifacts, { recursive: true });
  });

  const organiser = () => signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
  const pdfOf = (res: request.Response) => res.body as Buffer;
  const get = async (agent: request.Agent, url: string, status = 200) => pdfOf(await agent.get(url).buffer(true).parse(bytes).expect(status));

  /** What the QR codes of each page read, in the order they are drawn (A4: left to right, top to bottom). */
  function qrPayloads(pdf: Buffer, layout: "a4" | "a6"): string[][] {
    return pageContents(pdf).map((content) => {
      const rects = rectsOf(content);
      const cells = layout === "a6" ? [rects] : [0, 1, 2, 3].map((slot) => rects.filter((r) => cellOf(r.x, r.y) === slot));
      return cells.filter((c) => c.length).map((c) => decodeGrid(gridFromRects(c)) ?? "unreadable");
    });
  }
  const top = (A4.h - 2 * A6.h) / 2;
  const cellOf = (x: number, y: number) => (x < A6.w ? 0 : 1) + (y < top + A6.h ? 0 : 2);

  test("my badge: an opaque code, the same on every call, and a QR code that reads as its URL", async () => {
    const { agent, session } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const first = (await agent.get("/api/me/badge").expect(200)).body as { code: string; url: string };
    expect(first.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.url).toBe(`${TEST_ORIGIN}/badge/${first.code}`);
    expect((await agent.get("/api/me/badge").expect(200)).body).toEqual(first);
    expect(await t.repos.badges.userFor(first.code)).toBe(session.user.id);

    const res = await agent
      .get("/api/me/badge/qr.svg")
      .buffer(true)
      .parse(bytes)
      .expect(200)
      .expect("Content-Type", /image\/svg\+xml/);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const svg = (res.body as Buffer).toString("utf8");
    expect(decodeGrid(gridFromQrSvg(svg))).toBe(first.url);
    expect(svg).not.toContain(first.code);
  });

  test("two people have two badges; signed out, none", async () => {
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const a = (await vendor.agent.get("/api/me/badge").expect(200)).body.code;
    const b = (await domestic.agent.get("/api/me/badge").expect(200)).body.code;
    expect(a).not.toBe(b);
    for (const path of ["/api/me/badge", "/api/me/badge/qr.svg", "/api/me/badge.pdf", "/api/fairs/current/badges.pdf"])
      await request(t.app).get(path).expect(401);
  });

  test("the fair's badges on A4 sheets: four a page, names in their own script with firm and country, each QR code the person's", async () => {
    const { agent } = await organiser();
    const res = await agent.get("/api/fairs/current/badges.pdf?layout=a4").buffer(true).parse(bytes).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?badges-cnht-hanoi-2026-a4\.pdf"?$/);
    const pdf = pdfOf(res);
    writeFileSync(path.join(artifacts, "badges-a4.pdf"), pdf);

    const { pages: text, totalPages, items } = await readPdfText(pdf);
    const pageText = text.map(squash);
    for (const p of PEOPLE) {
      const page = pageText.find((s) => s.includes(squash(p.name)));
      expect([p.key, page && squash(p.firm) && page.includes(squash(p.firm)), page?.includes(squash(p.countryLabel))]).toEqual([p.key, true, true]);
    }
    // Who is printed: the demo's organiser, interpreter and two firms' owners, and the five people above.
    const printed = [...names].filter(([, name]) => pageText.some((s) => s.includes(squash(name))));
    const expected = ["organiser", "interpreter", "domestic", "vendor"].length + PEOPLE.length + 1;
    expect(printed.length).toBe(expected - 1); // the long name is cut, so it is not found whole
    expect(totalPages).toBe(Math.ceil(expected / 4));

    const qrs = qrPayloads(pdf, "a4");
    expect(qrs.map((page) => page.length)).toEqual([4, 4, 1].slice(0, totalPages).map((n, i) => (i === totalPages - 1 ? expected - 4 * i : n)));
    const codes = await t.repos.badges.codesFor([...names.keys()]);
    const byUrl = new Map([...codes].map(([user, code]) => [`${TEST_ORIGIN}/badge/${code}`, user]));
    for (const p of PEOPLE) {
      const url = `${TEST_ORIGIN}/badge/${codes.get(ids[p.key]!.user)}`;
      const pageOfName = pageText.findIndex((s) => s.includes(squash(p.name)));
      expect([p.key, qrs[pageOfName]]).toEqual([p.key, expect.arrayContaining([url])]);
    }
    expect(qrs.flat().every((url) => byUrl.has(url))).toBe(true);
    // The code is only in the QR code's squares, never as text anyone could read or copy.
    const everything = [...text, ...pageContents(pdf)].join("\n");
    for (const code of codes.values()) expect(everything).not.toContain(code);

    // Nothing runs over its badge: every piece of text lies inside its badge's margins.
    for (const pageItems of items) {
      for (const item of pageItems.filter((i) => i.str.trim())) {
        const yTop = A4.h - item.y;
        const cellX = cellOf(item.x + 1, yTop) % 2 === 0 ? 0 : A6.w;
        expect([item.str, item.x >= cellX + MARGIN - 0.5, item.x + item.width <= cellX + A6.w - MARGIN + 0.5]).toEqual([item.str, true, true]);
      }
    }
    // The long name is cut with an ellipsis on its second line.
    const longPage = pageText.find((s) => s.includes(squash("Nguyễn Hoàng Phương Thảo")))!;
    expect(longPage).toContain("…");
    expect(longPage).not.toContain(squash("Kết Thúc"));
  });

  test("A6: one badge a page, its QR code that person's", async () => {
    const { agent } = await organiser();
    const pdf = await get(agent, "/api/fairs/current/badges.pdf?layout=a6");
    writeFileSync(path.join(artifacts, "badges-a6.pdf"), pdf);
    const { pages: text, totalPages, items } = await readPdfText(pdf);
    expect(totalPages).toBe(9);
    const qrs = qrPayloads(pdf, "a6");
    expect(qrs.map((q) => q.length)).toEqual(new Array(9).fill(1));
    for (const p of PEOPLE) {
      const page = text.findIndex((s) => squash(s).includes(squash(p.name)));
      expect([p.key, qrs[page]![0]]).toEqual([p.key, `${TEST_ORIGIN}/badge/${await t.repos.badges.codeFor(ids[p.key]!.user)}`]);
    }
    for (const item of items.flat().filter((i) => i.str.trim()))
      expect([item.str, item.x >= MARGIN - 0.5, item.x + item.width <= A6.w - MARGIN + 0.5]).toEqual([item.str, true, true]);
  });

  test("filters: one role, one firm; none left is a clear error in the caller's language", async () => {
    const { agent } = await organiser();
    const interpreters = await readPdfText(await get(agent, "/api/fairs/current/badges.pdf?layout=a6&role=interpreter"));
    expect(interpreters.totalPages).toBe(1);
    expect(squash(interpreters.pages[0]!)).toContain(squash("Bùi Thanh Hương"));
    expect(squash(interpreters.pages[0]!)).toContain(squash("PHIÊN DỊCH VIÊN"));
    expect(interpreters.pages[0]).toContain("Interpreter");

    const firm = await readPdfText(await get(agent, `/api/fairs/current/badges.pdf?layout=a6&companyId=${ids.vn!.company}`));
    expect(firm.totalPages).toBe(2);
    expect(firm.pages.map(squash).some((s) => s.includes(squash(PEOPLE[0].name)))).toBe(true);

    const none = `/api/fairs/current/badges.pdf?role=organiser&companyId=${ids.vn!.company}`;
    const empty = await agent.get(none).set("Accept-Language", "ja").expect(400);
    expect(empty.body.error.fields.query).toBe("この条件に当てはまるフェア参加者はいません。");
    const bad = await agent.get("/api/fairs/current/badges.pdf?layout=a5").expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["layout"]);
  });

  test("the fair's badges are the organisers' alone", async () => {
    for (const role of ["domestic", "vendor", "interpreter"] satisfies UserRole[]) {
      const { agent } = await signIn(t.app, `${role}@ketnoi.demo`, DEMO_PASSWORD);
      await agent.get("/api/fairs/current/badges.pdf").expect(403);
    }
  });

  test("a person prints their own badge: their name, firm and QR code", async () => {
    const { agent } = await signIn(t.app, "kr@badges.example", DEMO_PASSWORD);
    const pdf = await get(agent, "/api/me/badge.pdf");
    const { pages: text, totalPages } = await readPdfText(pdf);
    expect(totalPages).toBe(1);
    expect(squash(text[0]!)).toContain(squash("김민준"));
    expect(squash(text[0]!)).toContain(squash("대성정밀 주식회사"));
    const url = (await agent.get("/api/me/badge").expect(200)).body.url;
    expect(qrPayloads(pdf, "a6")).toEqual([[url]]);
    // On an A4 sheet: the same badge in the sheet's top-left quarter.
    expect(qrPayloads(await get(agent, "/api/me/badge.pdf?layout=a4"), "a4")).toEqual([[url]]);
  });

  test("an erased person's badge no longer leads to them, and is no longer printed", async () => {
    const { agent, csrf } = await signIn(t.app, "tw@badges.example", DEMO_PASSWORD);
    const { code } = (await agent.get("/api/me/badge").expect(200)).body;
    expect(await t.repos.badges.userFor(code)).toBe(ids.tw!.user);
    await agent.post("/api/me/delete").set(csrf).send({ password: DEMO_PASSWORD }).expect(204);
    expect(await t.repos.badges.userFor(code)).toBeNull();
    const { agent: org } = await organiser();
    const { pages } = await readPdfText(await get(org, "/api/fairs/current/badges.pdf"));
    expect(squash(pages.join(""))).not.toContain(squash("陳美玲"));
  });

  test("without its fonts the server says so, in the caller's language, and logs which files are missing", async () => {
    const { app } = buildTestApp(t.db, { now: () => FIXED_NOW, badgeFonts: { ...BADGE_FONT_FILES, cjk: "/nonexistent/NotoSansCJK-Regular.ttc" } });
    const { agent } = await signIn(app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const res = await agent.get("/api/fairs/current/badges.pdf").set("Accept-Language", "ko").expect(503);
    expect(res.body.error.fields.fonts).toMatch(/fonts-noto-cjk/);
    expect(res.body.error.fields.fonts).toMatch(/글꼴/);
  });
});
