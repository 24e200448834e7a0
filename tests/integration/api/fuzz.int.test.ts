import request from "supertest";
import fc from "fast-check";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { FIXED_NOW, signIn, useSeededApp } from "../../support/app";

// Every operation of the OpenAPI document, driven with malformed and hostile input as each role:
// no answer is a 5xx, a refused request writes nothing, and no answer carries another company's
// private data (their tax codes serve as the canary).
type Role = "anonymous" | "organiser" | "domestic" | "vendor" | "interpreter";
const ROLES: Role[] = ["anonymous", "organiser", "domestic", "vendor", "interpreter"];
const RUNS_PER_ROLE = 6;
const WRITES = [
  "insertOne",
  "insertMany",
  "updateOne",
  "updateMany",
  "replaceOne",
  "deleteOne",
  "deleteMany",
  "findOneAndUpdate",
  "findOneAndReplace",
  "findOneAndDelete",
  "bulkWrite",
] as const;

const hostileString = fc.oneof(
  fc.constantFrom(
    "$gt",
    "$where",
    "a.b",
    "__proto__",
    "constructor",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "d1s01",
    "0".repeat(24),
    "ffffffffffffffffffffffff",
    "cơ khí",
    "../../etc/passwd",
    "",
    " ",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 600 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("$gt", "$where", "a.b", "$ne")), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** Whether a driver write result reports any document inserted, changed or removed. */
function changedBy(result: unknown): boolean {
  if (result === null || typeof result !== "object") return false;
  const r = result as Record<string, unknown>;
  const counts = ["insertedCount", "modifiedCount", "upsertedCount", "deletedCount", "nInserted", "nModified", "nUpserted", "nRemoved"].map((k) =>
    Number(r[k] ?? 0),
  );
  if (counts.some((n) => n > 0)) return true;
  if ("insertedId" in r && r.insertedId !== undefined) return true;
  return "value" in r ? r.value !== null : "_id" in r; // findOneAnd*: a document came back
}

describe("fuzz: every endpoint, every role, hostile input", () => {
  const t = useSeededApp("fuzz");
  const writes = { count: 0, collections: new Set<string>() };
  const sessions = new Map<Role, Awaited<ReturnType<typeof signIn>>>();
  let ops: { method: string; path: string; params: string[]; query: string[]; body: string[] | null }[] = [];
  let ids: string[] = [];
  let canaries: Map<string, string>; // tax code -> company id

  beforeAll(async () => {
    await seedDemoMeetings(t.repos, () => FIXED_NOW);
    for (const model of Object.values(t.db.models)) {
      const collection = model.collection as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const method of WRITES) {
        const original = collection[method];
        if (typeof original !== "function") continue;
        // Counts what a write changed (a delete that matched nothing changed nothing).
        collection[method] = async function (this: unknown, ...args: unknown[]) {
          const result = await (original.apply(this, args) as Promise<unknown>);
          if (changedBy(result)) {
            writes.count++;
            writes.collections.add(model.collection.collectionName);
          }
          return result;
        };
      }
    }
    for (const role of ROLES.filter((r) => r !== "anonymous")) sessions.set(role, await signIn(t.app, `${role}@ketnoi.demo`, DEMO_PASSWORD));
    const doc = (await request(t.app).get("/api/openapi.json").expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    };
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        method,
        path,
        params: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        body: op.requestBody ? Object.keys(op.requestBody.content["application/json"]?.schema.properties ?? {}) : null,
      })),
    );
    const sample = async (model: keyof typeof t.db.models) =>
      (await (t.db.models[model] as unknown as { find(): { limit(n: number): { lean(): Promise<{ _id: unknown }[]> } } }).find().limit(3).lean()).map(
        (d) => String(d._id),
      );
    ids = [
      ...(await sample("Company")),
      ...(await sample("Meeting")),
      ...(await sample("FairSession")),
      ...(await sample("Interpreter")),
      ...(await sample("Notification")),
    ];
    canaries = new Map((await t.db.models.Company.find({ taxCode: { $exists: true } }).lean()).map((c) => [c.taxCode!, c._id.toHexString()]));
  });

  test("the operations are all there, and the write counter sees writes", async () => {
    expect(ops.length).toBeGreaterThan(70);
    const before = writes.count;
    await t.repos.revisions.bump("matching");
    expect(writes.count).toBe(before + 1);
  });

  test.each(ROLES)(
    "as %s: never a 5xx, refused requests write nothing, no other company's private data",
    async (role) => {
      const session = sessions.get(role);
      const ownCompany = session?.session.user.companyId;
      const failures: string[] = [];
      const statuses: number[] = [];
      for (const op of ops) {
        const input = fc.record({
          params: fc.tuple(...op.params.map(() => fc.oneof(fc.constantFrom(...ids), hostileString.map(encodeURIComponent))), fc.constant(null)),
          query: fc.oneof(
            fc.constant({}),
            fc.dictionary(fc.oneof(fc.constantFrom(...op.query, "$where", "a.b"), hostileString), hostileString, { maxKeys: 3 }),
          ),
          body: op.body
            ? fc.oneof(
                fc.constant({}),
                fc.dictionary(fc.constantFrom(...op.body, "$where", "a.b", "$set"), hostileValue, { maxKeys: 4 }),
                hostileValue,
              )
            : fc.constant(undefined),
        });
        for (const sample of fc.sample(input, { numRuns: RUNS_PER_ROLE, seed: 2026 + op.path.length })) {
          let path = op.path;
          op.params.forEach((name, i) => {
            path = path.replace(`{${name}}`, String(sample.params[i] || "x"));
          });
          const query = new URLSearchParams(Object.entries(sample.query).map(([k, v]) => [k, String(v)])).toString();
          const url = query ? `${path}?${query}` : path;
          const client = session ? session.agent : request(t.app);
          let req = (client as ReturnType<typeof request.agent>)[op.method as "get"](url);
          if (session) req = req.set(session.csrf);
          const before = writes.count;
          writes.collections.clear();
          const res =
            sample.body === undefined ? await req : await req.set("Content-Type", "application/json").send(JSON.stringify(sample.body) ?? "null");
          statuses.push(res.status);
          const label = `${role} ${op.method.toUpperCase()} ${url.slice(0, 120)} -> ${res.status}`;
          if (res.status >= 500) failures.push(`${label}: ${JSON.stringify(res.body).slice(0, 200)}`);
          // A refused request writes nothing (a failed login counts towards the lockout by design).
          const allowed = op.path === "/api/auth/login" ? ["users"] : [];
          if (res.status >= 400 && writes.count !== before && [...writes.collections].some((c) => !allowed.includes(c)))
            failures.push(`${label}: wrote to ${[...writes.collections].join(", ")}`);
          if (res.status < 300 && role !== "organiser") {
            const text = res.text ?? "";
            for (const [taxCode, companyId] of canaries)
              if (companyId !== ownCompany && text.includes(taxCode)) failures.push(`${label}: leaks the tax code of ${companyId}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // The input reached the commands, not only the validators: some calls were accepted.
      expect(statuses.filter((x) => x < 300).length).toBeGreaterThan(role === "anonymous" ? 5 : 10);
      // Every endpoint with every hostile body: a firm's role reaches the most of them (leads, badges' PDFs, check-ins).
    },
    180_000,
  );
});
