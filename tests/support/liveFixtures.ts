import request from "supertest";
import type { EventPublisher } from "../../api/src/services/events";
import { seedDemoFair, DEMO_PASSWORD } from "../../api/src/seed/seedDemoFair";
import { buildTestApp, signIn, FIXED_NOW } from "./app";
import { freshDatabase } from "./stack";

export type Published = { room: string | string[]; event: string; payload: unknown };

/** Records what the api publishes to the realtime rooms instead of sending it through Redis. */
export function capturingPublisher() {
  const published: Published[] = [];
  const events: EventPublisher = {
    notify: (userIds, payload) => published.push({ room: userIds.map((u) => `user:${u}`), event: "notification", payload }),
    publish: (room, event, payload) => published.push({ room, event, payload }),
    disconnect: (room) => published.push({ room, event: "disconnect", payload: null }),
    sessionEnded: async (sid) => void published.push({ room: `session:${sid}`, event: "disconnect", payload: null }),
  };
  return { events, published };
}

export type SignedIn = Awaited<ReturnType<typeof signIn>>;
export const ROLES = ["organiser", "domestic", "vendor", "interpreter"] as const;

/** A seeded app with the demo logins signed in, the two demo firms listed, and the api's published events captured. */
export function useLiveApp(label: string) {
  const t = {} as {
    db: Awaited<ReturnType<typeof freshDatabase>>;
    app: ReturnType<typeof buildTestApp>["app"];
    repos: ReturnType<typeof buildTestApp>["repos"];
    published: Published[];
    as: Record<(typeof ROLES)[number], SignedIn>;
    domesticCompany: string;
    vendorCompany: string;
  };
  beforeAll(async () => {
    t.db = await freshDatabase(label);
    const capture = capturingPublisher();
    const built = buildTestApp(t.db, { now: () => FIXED_NOW, events: capture.events });
    Object.assign(t, built, { published: capture.published });
    await seedDemoFair(built.repos, FIXED_NOW);
    const [domestic, vendor] = await Promise.all(["domestic", "vendor"].map((r) => t.db.models.User.findOne({ email: `${r}@ketnoi.demo` }).lean()));
    t.domesticCompany = domestic!.companyId!.toHexString();
    t.vendorCompany = vendor!.companyId!.toHexString();
    await t.db.models.Company.updateMany({ _id: { $in: [domestic!.companyId, vendor!.companyId] } }, { $set: { listed: true } });
    t.as = {} as typeof t.as;
    for (const role of ROLES) t.as[role] = await signIn(t.app, `${role}@ketnoi.demo`, DEMO_PASSWORD);
  });
  afterAll(() => t.db.drop());
  return t;
}

export const post = (s: SignedIn, path: string, body: object = {}) => s.agent.post(path).set(s.csrf).send(body);
export const del = (s: SignedIn, path: string) => s.agent.delete(path).set(s.csrf);
export { request };
