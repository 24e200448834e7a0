import request from "supertest";
import type { SessionView } from "@ketnoi/contracts";
import { createApp } from "../../api/src/app";
import { composeServices, type CompositionDeps } from "../../api/src/composition";
import { createRepositories } from "../../api/src/repositories";
import { createProbes } from "../../api/src/probes";
import { createVideoRooms, createVideoService } from "../../api/src/services/livekit";
import type { Database } from "../../api/src/db/connection";
import { freshDatabase, silentLogger, stack, type RevisionsIn } from "./stack";
import { seedDemoFair } from "../../api/src/seed/seedDemoFair";
import { FIXED_NOW } from "./clock";

export const TEST_ORIGIN = "http://localhost:8080";
/** The secret test apps sign realtime tokens with (test realtime nodes verify with it). */
export const TEST_REALTIME_SECRET = "test-realtime-secret-0123456789abcdef";

/** The api's Express app on a test database, with the real LiveKit server of the test stack. */
export function buildTestApp(db: Database, overrides: Partial<CompositionDeps> = {}) {
  const repos = createRepositories(db.models);
  const services = composeServices({
    logger: silentLogger(),
    repos,
    probes: createProbes(db, createVideoRooms(stack.livekit())),
    publicOrigin: TEST_ORIGIN,
    video: createVideoService(stack.livekit()),
    realtimeSecret: TEST_REALTIME_SECRET,
    ...overrides,
  });
  return { app: createApp(services), repos, services };
}

/** Signs in through the api and returns an agent that sends the cookie and the CSRF token. */
export async function signIn(app: Parameters<typeof request.agent>[0], email: string, password: string) {
  const agent = request.agent(app);
  const res = await agent.post("/api/auth/login").send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = res.body as SessionView;
  return { agent, session, csrf: { "X-CSRF-Token": session.csrfToken } };
}

export { FIXED_NOW } from "./clock";

/**
 * A test file's own database seeded with the demo fair, and the api on it with the clock at FIXED_NOW.
 * The fields are filled in by beforeAll.
 */
export function useSeededApp(label: string, options: { revisionsIn?: RevisionsIn } = {}) {
  const t = {} as {
    db: Awaited<ReturnType<typeof freshDatabase>>;
    app: ReturnType<typeof buildTestApp>["app"];
    repos: ReturnType<typeof buildTestApp>["repos"];
  };
  beforeAll(async () => {
    t.db = await freshDatabase(label, options);
    const built = buildTestApp(t.db, { now: () => FIXED_NOW });
    Object.assign(t, built);
    await seedDemoFair(built.repos, FIXED_NOW);
  });
  afterAll(() => t.db.drop());
  return t;
}
