import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { signIn, useSeededApp, TEST_ORIGIN } from "../../support/app";

describe("mail: what is queued, and what organisers see of mail that did not go out", () => {
  const t = useSeededApp("mail");

  test("an account mail is text and HTML in the reader's language, with the link as a button and the settings link", async () => {
    await t.db.models.User.updateOne({ email: "vendor@ketnoi.demo" }, { $set: { locale: "ja" } });
    await t.repos.revisions.bump("sessions"); // (written past the repositories: the api keeps users with their sessions, so it is told as they tell it)
    const res = await (await import("supertest"))
      .default(t.app)
      .post("/api/auth/password-reset")
      .set("Origin", TEST_ORIGIN)
      .send({ email: "vendor@ketnoi.demo" });
    expect(res.status).toBe(202);
    const [mail] = await t.repos.outbox.listTo("vendor@ketnoi.demo");
    expect(mail).toMatchObject({ template: "password_reset", locale: "ja", subject: "Ketnoi パスワードの再設定" });
    const link = mail!.text.match(/http:\/\/localhost:8080\/reset-password\?token=[\w-]+/)![0];
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.html).toContain("新しいパスワードを設定");
    expect(mail!.html).toContain('<html lang="ja">');
    expect(mail!.text).toContain(`${TEST_ORIGIN}/account`);
    expect(mail!.html).toContain(`href="${TEST_ORIGIN}/account"`);
  });

  test("organisers list mail given up and mail waiting over ten minutes, oldest first; nobody else may", async () => {
    const Outbox = t.db.models.OutboxMessage;
    // The outbox is stamped by the real clock (as the database driver writes createdAt), and so is "stuck".
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await Outbox.deleteMany({});
    await Outbox.collection.insertMany([
      {
        to: "a@example.vn",
        template: "invitation",
        locale: "vi",
        subject: "Given up",
        text: "x",
        attempts: 10,
        lastError: "550 mailbox unavailable",
        failedAt: at(5),
        createdAt: at(90),
      },
      {
        to: "b@example.vn",
        template: "verify_email",
        locale: "en",
        subject: "Waiting long",
        text: "x",
        attempts: 3,
        lastError: "connect ECONNREFUSED",
        createdAt: at(30),
      },
      { to: "c@example.vn", template: "verify_email", locale: "en", subject: "Just queued", text: "x", attempts: 0, createdAt: at(1) },
      {
        to: "d@example.vn",
        template: "verify_email",
        locale: "en",
        subject: "Sent long ago",
        text: "x",
        attempts: 1,
        sentAt: at(50),
        createdAt: at(60),
      },
    ]);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const stuck = (await organiser.agent.get("/api/mail/stuck").expect(200)).body as {
      subject: string;
      state: string;
      lastError?: string;
      attempts: number;
    }[];
    expect(stuck.map((m) => [m.subject, m.state])).toEqual([
      ["Given up", "given_up"],
      ["Waiting long", "waiting"],
    ]);
    expect(stuck[0]).toMatchObject({ attempts: 10, lastError: "550 mailbox unavailable" });
    const firm = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await firm.agent.get("/api/mail/stuck").expect(403);
  });
});
