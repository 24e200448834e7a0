import { Types } from "mongoose";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

type SignedIn = Awaited<ReturnType<typeof signIn>>;
const NOWHERE = "0123456789abcdef01234567";

/** Every call that names a company in its path or body and would tell whether it exists. */
const probes = (id: string): [string, string, object?][] => [
  ["get", `/api/booths/${id}/chat`],
  ["post", `/api/booths/${id}/chat`, { text: "Xin chào" }],
  ["delete", `/api/booths/${id}/chat/${NOWHERE}`],
  ["get", `/api/booths/${id}/queue`],
  ["post", `/api/booths/${id}/queue`, {}],
  ["delete", `/api/booths/${id}/queue`],
  ["post", `/api/booths/${id}/queue/admit`, {}],
  ["post", `/api/booths/${id}/video-token`, {}],
  ["post", "/api/realtime/tickets", { room: `booth:${id}` }],
  ["put", `/api/recommendations/${id}/bookmark`, {}],
  ["delete", `/api/recommendations/${id}/bookmark`],
  ["post", `/api/recommendations/${id}/dismiss`, { kind: "firmForVendor", reason: "notRelevant" }],
];

async function call(who: SignedIn, [method, path, body]: [string, string, object?]) {
  const req = (who.agent as unknown as Record<string, (p: string) => import("supertest").Test>)[method]!(path).set({
    ...who.csrf,
    "Accept-Language": "vi",
  });
  const res = await (body ? req.send(body) : req);
  return { status: res.status, body: res.body };
}

describe("an unlisted firm's booth and bookmark answer like a company that does not exist", () => {
  const t = useSeededApp("boothvisibility");
  let vendor: SignedIn;
  let unlisted = "";
  beforeAll(async () => {
    vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const own = new Types.ObjectId(vendor.session.user.companyId!);
    // An approved Hanoi firm the vendor has no meeting or request with, unlisted.
    for (const c of await t.db.models.Company.find({ kind: "domestic", status: "approved" }).limit(20).lean()) {
      if (await t.db.models.Meeting.exists({ parties: { $all: [own, c._id] } })) continue;
      unlisted = c._id.toHexString();
      break;
    }
    await t.db.models.Company.updateOne({ _id: unlisted }, { $set: { listed: false } });
  });

  test("to a stranger, every booth call and the bookmark answer exactly as for an id that does not exist", async () => {
    for (const [i, probe] of probes(unlisted).entries()) {
      const answer = await call(vendor, probe);
      const missing = await call(vendor, probes(NOWHERE)[i]!);
      expect({ probe: probe.slice(0, 2), ...answer }).toEqual({ probe: probe.slice(0, 2), ...missing, status: 404 });
    }
    expect(await t.db.models.BoothChatMessage.countDocuments({ companyId: unlisted })).toBe(0);
    expect(await t.db.models.MatchFeedback.countDocuments({ otherId: unlisted })).toBe(0);
  });

  test("a firm it has a request with, its own staff and organisers still reach it", async () => {
    await t.db.models.Company.updateOne({ _id: unlisted }, { $set: { listed: true } });
    await vendor.agent.post("/api/meetings").set(vendor.csrf).send({ with: unlisted, message: "Gặp nhau nhé" }).expect(201);
    await t.db.models.Company.updateOne({ _id: unlisted }, { $set: { listed: false } });
    await vendor.agent.get(`/api/booths/${unlisted}/chat`).expect(200);
    await vendor.agent.put(`/api/recommendations/${unlisted}/bookmark`).set(vendor.csrf).send({}).expect(204);

    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.agent.get(`/api/booths/${unlisted}/queue`).expect(200);
    // The demo firm is unlisted; its own member staffs its booth.
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    expect((await t.db.models.Company.findById(domestic.session.user.companyId).lean())!.listed).toBe(false);
    expect(
      (await domestic.agent.post(`/api/booths/${domestic.session.user.companyId}/video-token`).set(domestic.csrf).send({}).expect(200)).body
        .canPublish,
    ).toBe(true);
  });
});
