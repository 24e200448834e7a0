// One firm's recommendations through the api's HTTP layer (GET /api/recommendations) on a
// 1,300-company fair in the real database: what bench:match reports beside the engine's figures.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { TAXONOMY } from "@ketnoi/contracts";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { createApp } from "../app";
import { composeServices } from "../composition";
import { generateDemoFair, generateDirectory } from "../seed/demoFair";
import { demoFairDays } from "../seed/demoDays";
import { hashToken, randomToken } from "../services/secrets";
import { SESSION_COOKIE } from "../auth/context";
import { percentile } from "./stats";
import { benchFirmOwner } from "./apiStack";

const COMPANIES = 1_300;
const CALLS = 300;

export async function measureRecommendationsApi(uri: string) {
  const db = await connectDatabase(uri);
  try {
    await db.connection.dropDatabase();
    await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
    const repos = createRepositories(db.models);
    await repos.taxonomy.upsertAll(TAXONOMY.version, TAXONOMY.terms);
    const today = new Date();
    const demo = generateDemoFair(demoFairDays(today));
    const fair = await repos.fairs.upsertBySlug(demo.fair);
    await repos.interpreters.upsertMany(demo.interpreters.map((i) => ({ ...i, fairId: fair.id })));
    const ids = await repos.companies.upsertMany(
      generateDirectory(COMPANIES, demo.fair.days as [string, string]).map((c) => ({ ...c, fairId: fair.id })),
    );
    // Signed in as the owner of the first domestic firm (a session made directly: no login limits).
    const companyId = [...ids.values()][0]!;
    const user = await benchFirmOwner(repos, "bench@ketnoi.demo", "Bench", "domestic", companyId);
    const token = randomToken();
    await repos.sessions.create(hashToken(token), {
      userId: user.id,
      csrfToken: randomToken(),
      expiresAt: new Date(today.getTime() + 24 * 3600_000),
    });

    const now = () => today;
    const app = createApp(composeServices({ logger: pino({ level: "silent" }), repos, probes: [], publicOrigin: "http://localhost:8080", now }));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/recommendations?k=10`;
    const call = async () => {
      const started = performance.now();
      const res = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${token}`, "accept-language": "vi" } });
      const body = (await res.json()) as unknown[];
      if (res.status !== 200 || !body.length) throw new Error(`recommendations: HTTP ${res.status}`);
      return performance.now() - started;
    };
    const firstMs = await call(); // builds the engine for the fair
    const latencies: number[] = [];
    for (let i = 0; i < CALLS; i++) latencies.push(await call());
    server.close();
    return {
      api_companies: COMPANIES,
      api_first_ms: Math.round(firstMs),
      api_calls: CALLS,
      api_p50_ms: percentile(latencies, 50),
      api_p99_ms: percentile(latencies, 99),
    };
  } finally {
    await db.close();
  }
}
