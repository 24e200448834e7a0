import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn, TEST_ORIGIN } from "../../support/app";
import { decodeGrid, gridFromQrSvg } from "../../support/qrDecode";

/** Reads a body as text whatever its type (supertest leaves an SVG's bytes unread). */
const text = (res: request.Response, done: (err: Error | null, body: string) => void) => {
  let body = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => (body += chunk));
  res.on("end", () => done(null, body));
};

describe("badges", () => {
  const t = useSeededApp("badges");

  test("my badge: an opaque code, the same on every call, and a QR code that reads as its URL", async () => {
    const { agent, session } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const first = (await agent.get("/api/me/badge").expect(200)).body as { code: string; url: string };
    expect(first.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.url).toBe(`${TEST_ORIGIN}/badge/${first.code}`);
    expect((await agent.get("/api/me/badge").expect(200)).body).toEqual(first);
    expect(await t.repos.badges.userFor(first.code)).toBe(session.user.id);

    const res = await agent.get("/api/me/badge/qr.svg").buffer(true).parse(text).expect(200).expect("Content-Type", /image\/svg\+xml/);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const svg = res.body as string;
    expect(decodeGrid(gridFromQrSvg(svg))).toBe(first.url);
    expect(svg).not.toContain(first.code);
  });

  test("two people have two badges; signed out, none", async () => {
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const a = (await vendor.agent.get("/api/me/badge").expect(200)).body.code;
    const b = (await domestic.agent.get("/api/me/badge").expect(200)).body.code;
    expect(a).not.toBe(b);
    await request(t.app).get("/api/me/badge").expect(401);
    await request(t.app).get("/api/me/badge/qr.svg").expect(401);
  });
});
