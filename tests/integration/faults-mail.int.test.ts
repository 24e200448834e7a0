import { faultStack, waitFor, type FaultStack } from "../support/processes";
import { withDatabase } from "../support/faultFixtures";
import { ApiClient } from "../support/httpClient";
import { mailbox } from "../support/mailpit";

/**
 * Real mail delivery with real processes: two api processes side by side on one database and one
 * Redis, sending over SMTP to a Mailpit of this file's own, which is stopped and started again.
 */
describe("mail: sent once by any number of api processes, nothing lost while the mail server is away", () => {
  let s: FaultStack;
  let mail: ReturnType<typeof mailbox>;
  beforeAll(async () => {
    s = faultStack("mail", { ports: { db: 27515, redis: 6515, api: 3521, api2: 3522, mail: { smtp: 1526, http: 8526 } } });
    mail = mailbox(() => s.mailUrl!);
    await Promise.all([s.db.start(), s.redis!.start(), s.mail!.start()]);
    await Promise.all([s.api.start(), s.api2!.start()]);
  }, 120_000);
  afterAll(() => s?.cleanup());

  /** Messages written to the outbox the way commands write them (both processes sweep it). */
  const enqueue = (subjects: string[]) =>
    withDatabase(s, (db) =>
      db.models.OutboxMessage.insertMany(
        subjects.map((subject, i) => ({
          to: `reader-${i % 20}@example.vn`,
          template: "test",
          locale: "en",
          subject,
          text: `Message ${subject}`,
          html: `<p>${subject}</p>`,
        })),
      ),
    );

  test("two api processes send 200 queued messages: each arrives exactly once", async () => {
    const subjects = Array.from({ length: 200 }, (_, i) => `Bulk ${String(i).padStart(3, "0")}`);
    await enqueue(subjects);
    await waitFor("200 messages in Mailpit", async () => (await mail.subjects()).filter((x) => x.startsWith("Bulk ")).length >= 200, {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    // Both processes kept sweeping meanwhile; give a duplicate every chance to arrive, then count.
    await new Promise((r) => setTimeout(r, 5_000));
    const arrived = (await mail.subjects()).filter((x) => x.startsWith("Bulk ")).sort();
    expect(arrived).toEqual(subjects);
    const unsent = await withDatabase(s, (db) => db.models.OutboxMessage.countDocuments({ subject: /^Bulk /, sentAt: { $exists: false } }));
    expect(unsent).toBe(0);
    // Both processes did the work (each holds the lease of the jobs it took).
    const logs = s.logs();
    expect(logs).not.toMatch(/"level":50/);
  }, 150_000);

  test("while the mail server is down a message waits and health says mail is degraded; once it is back the message arrives, once", async () => {
    const client = new ApiClient(s.apiUrl, s.publicOrigin, "en");
    await s.mail!.stop();
    await enqueue(["Waited out the outage"]);
    await waitFor(
      "the api to report mail down",
      async () => {
        const res = await client.get("/api/health", { timeoutMs: 15_000 });
        return (
          res.status === 200 &&
          (res.body as { status: string; dependencies: { mail?: { status: string } } }).dependencies.mail?.status === "down" &&
          (res.body as { status: string }).status === "degraded"
        );
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    // The first attempts fail and are recorded on the message, which stays waiting.
    const failed = await waitFor(
      "a failed attempt recorded",
      () => withDatabase(s, (db) => db.models.OutboxMessage.findOne({ subject: "Waited out the outage", attempts: { $gte: 1 } }).lean()),
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(failed.sentAt).toBeUndefined();
    expect(failed.failedAt).toBeUndefined();
    expect(failed.lastError).toBeTruthy();

    await s.mail!.start();
    await waitFor("the message to arrive after the outage", async () => (await mail.subjects()).includes("Waited out the outage"), {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    await waitFor("health to say mail is up again", async () => ((await client.get("/api/health")).body as { status: string }).status === "ok", {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await mail.subjects()).filter((x) => x === "Waited out the outage")).toHaveLength(1);
  }, 180_000);
});
