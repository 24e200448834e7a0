import request from "supertest";
import type { SessionView } from "@ketnoi/contracts";
import { createApp, type AppDeps } from "../../api/src/http/app";
import { createRepositories } from "../../api/src/repositories";
import { createProbes } from "../../api/src/probes";
import { createVideoRooms } from "../../api/src/services/livekit";
import type { Database } from "../../api/src/db/connection";
import { silentLogger, stack } from "./stack";

export const TEST_ORIGIN = "http://localhost:8080";

/** The api's Express app on a test database, with the real LiveKit server of the test stack. */
export function buildTestApp(db: Database, overrides: Partial<AppDeps> = {}) {
  const repos = createRepositories(db.models);
  const app = createApp({
    logger: silentLogger(),
    repos,
    probes: createProbes(db, createVideoRooms(stack.livekit())),
    publicOrigin: TEST_ORIGIN,
    ...overrides,
  });
  return { app, repos };
}

/** Signs in through the api and returns an agent that sends the cookie and the CSRF token. */
export async function signIn(app: Parameters<typeof request.agent>[0], email: string, password: string) {
  const agent = request.agent(app);
  const res = await agent.post("/api/auth/login").send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = res.body as SessionView;
  return { agent, session, csrf: { "X-CSRF-Token": session.csrfToken } };
}
