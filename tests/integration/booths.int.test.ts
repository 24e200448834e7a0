import { del, post, useLiveApp } from "../support/liveFixtures";

/** A firm's virtual booth: chat (stored, paged, moderated, rate-limited) and the queue to talk to its staff. */
describe("booths: chat and queue", () => {
  const t = useLiveApp("booths");
  const booth = () => `/api/booths/${t.domesticCompany}`;

  test("chat is stored, delivered to the booth's room and paged back newest first", async () => {
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) sent.push((await post(t.as.vendor, `${booth()}/chat`, { text: `  message ${i} ` }).expect(201)).body.id);
    const last = t.published.filter((p) => p.event === "booth:chat").at(-1)!;
    expect(last).toMatchObject({ room: `booth:${t.domesticCompany}`, payload: { text: "message 5", name: t.as.vendor.session.user.name } });
    const page1 = (await t.as.interpreter.agent.get(`${booth()}/chat?limit=2`).expect(200)).body as { id: string; text: string }[];
    expect(page1.map((m) => m.text)).toEqual(["message 5", "message 4"]);
    const page2 = (await t.as.interpreter.agent.get(`${booth()}/chat?limit=2&before=${page1[1]!.id}`).expect(200)).body as {
      id: string;
      text: string;
    }[];
    expect(page2.map((m) => m.text)).toEqual(["message 3", "message 2"]);
    const page3 = (await t.as.interpreter.agent.get(`${booth()}/chat?limit=2&before=${page2[1]!.id}`).expect(200)).body as { text: string }[];
    expect(page3.map((m) => m.text)).toEqual(["message 1"]);
    await post(t.as.vendor, `${booth()}/chat`, { text: "   " }).expect(400);
    await post(t.as.vendor, `${booth()}/chat`, { text: "x".repeat(1001) }).expect(400);
  });

  test("staff and organisers delete any message, authors their own, nobody else", async () => {
    const byVendor = async () => (await post(t.as.vendor, `${booth()}/chat`, { text: "Ping" }).expect(201)).body.id as string;
    const a = await byVendor();
    await del(t.as.interpreter, `${booth()}/chat/${a}`).expect(403);
    await del(t.as.domestic, `${booth()}/chat/${a}`).expect(204); // booth staff
    expect(t.published.at(-1)).toMatchObject({ event: "booth:chat:deleted", payload: { id: a } });
    await del(t.as.domestic, `${booth()}/chat/${a}`).expect(404);
    const b = await byVendor();
    await del(t.as.organiser, `${booth()}/chat/${b}`).expect(204);
    const c = await byVendor();
    // Not through another booth's path (the vendor's own booth, where the vendor is staff).
    await del(t.as.vendor, `/api/booths/${t.vendorCompany}/chat/${c}`).expect(404);
    await del(t.as.vendor, `${booth()}/chat/${c}`).expect(204);
    const left = (await t.as.vendor.agent.get(`${booth()}/chat?limit=100`).expect(200)).body as { id: string }[];
    expect(left.map((m) => m.id)).not.toEqual(expect.arrayContaining([a, b, c]));
  });

  test("chat is rate-limited per user", async () => {
    let status = 201;
    for (let i = 0; i < 25 && status === 201; i++) status = (await post(t.as.interpreter, `${booth()}/chat`, { text: `spam ${i}` })).status;
    expect(status).toBe(429);
    // Another user is not affected.
    await post(t.as.organiser, `${booth()}/chat`, { text: "Still here" }).expect(201);
  });

  test("visitors queue in order, see their place; staff admit in order; the admitted visitor may publish", async () => {
    const vendorId = t.as.vendor.session.user.id;
    const interpreterId = t.as.interpreter.session.user.id;
    expect((await post(t.as.vendor, `${booth()}/queue`).expect(200)).body).toMatchObject({ position: 1, admitted: false });
    expect((await post(t.as.interpreter, `${booth()}/queue`).expect(200)).body).toMatchObject({ position: 2 });
    expect((await post(t.as.vendor, `${booth()}/queue`).expect(200)).body).toMatchObject({ position: 1 }); // asking again keeps the place
    await post(t.as.domestic, `${booth()}/queue`).expect(409); // staff do not queue at their own booth
    const staffView = (await t.as.domestic.agent.get(`${booth()}/queue`).expect(200)).body;
    expect(staffView.waiting.map((w: { userId: string }) => w.userId)).toEqual([vendorId, interpreterId]);
    // Each waiting visitor was told their place live.
    expect(t.published.filter((p) => p.event === "booth:queue" && p.room === `user:${interpreterId}`).at(-1)).toMatchObject({
      payload: { position: 2 },
    });

    const token = async (who: "vendor" | "interpreter" | "domestic") =>
      (await post(t.as[who], `${booth()}/video-token`).expect(200)).body as { canPublish: boolean; roomName: string };
    expect((await token("vendor")).canPublish).toBe(false);
    expect((await token("domestic")).canPublish).toBe(true);
    expect((await token("vendor")).roomName).toMatch(/^booth-[0-9a-f]{32}$/);

    await post(t.as.vendor, `${booth()}/queue/admit`).expect(403);
    expect((await post(t.as.domestic, `${booth()}/queue/admit`).expect(200)).body).toMatchObject({ userId: vendorId });
    expect((await t.as.vendor.agent.get(`${booth()}/queue`).expect(200)).body).toMatchObject({ position: null, admitted: true });
    expect((await t.as.interpreter.agent.get(`${booth()}/queue`).expect(200)).body).toMatchObject({ position: 1 });
    expect(t.published.filter((p) => p.event === "booth:queue" && p.room === `user:${vendorId}`).at(-1)).toMatchObject({
      payload: { admitted: true },
    });
    expect((await token("vendor")).canPublish).toBe(true);
    expect((await token("interpreter")).canPublish).toBe(false);

    await del(t.as.interpreter, `${booth()}/queue`).expect(204);
    await post(t.as.organiser, `${booth()}/queue/admit`).expect(409); // nobody waits
  });

  test("two staff admitting at once admit two different visitors", async () => {
    const booth2 = `/api/booths/${t.vendorCompany}`;
    await post(t.as.domestic, `${booth2}/queue`).expect(200);
    await post(t.as.interpreter, `${booth2}/queue`).expect(200);
    const [a, b] = await Promise.all([post(t.as.vendor, `${booth2}/queue/admit`), post(t.as.organiser, `${booth2}/queue/admit`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(new Set([a.body.userId, b.body.userId]).size).toBe(2);
  });
});
