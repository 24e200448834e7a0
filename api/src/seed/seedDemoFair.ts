import { hash } from "@node-rs/argon2";
import { TAXONOMY } from "@ketnoi/contracts";
import type { Repositories } from "../repositories";
import { generateDemoFair } from "./demoFair";
import { DEMO_FAIR_SLUG } from "./data/programme";
import { daysBetween, demoFairDays, fairIsOver } from "./demoDays";
import { redateDemoMeetings } from "./redateDemoMeetings";

export const DEMO_PASSWORD = "ketnoi-demo-2026";
export const DEMO_LOGINS = [
  { role: "organiser", email: "organiser@ketnoi.demo", name: "Nguyễn Văn Hùng (Sở Công Thương)" },
  { role: "domestic", email: "domestic@ketnoi.demo", name: "Trần Thị Hoa" },
  { role: "vendor", email: "vendor@ketnoi.demo", name: "Sato Kenji" },
  // The demo interpreter is one of the fair's interpreters (Korean, so she has demo assignments).
  { role: "interpreter", email: "interpreter@ketnoi.demo", name: "Bùi Thanh Hương" },
] as const;

export interface SeedReport {
  fair: string;
  days: [string, string];
  /** Set when the stored demo fair had passed and was moved to `days`: how many of its meetings moved with it. */
  redated?: { from: string[]; meetings: number };
  companies: number;
  interpreters: number;
  sessions: number;
  usersCreated: number;
}

/**
 * Writes the taxonomy and the demo fair as of `today`. Idempotent: every record is upserted by its
 * natural key, so a second run changes nothing and creates no duplicates; existing users keep their
 * passwords. A demo fair not yet over keeps its days; one that is over moves to the days a new demo
 * would get (demoFairDays), its programme, interpreters' days and live meetings with it.
 */
export async function seedDemoFair(repos: Repositories, today: Date): Promise<SeedReport> {
  const stored = await repos.fairs.findBySlug(DEMO_FAIR_SLUG);
  const keep = stored && stored.days.length === 2 && !fairIsOver(stored.days, today, stored.timeZone);
  const days = keep ? (stored.days as [string, string]) : demoFairDays(today);
  let redated: SeedReport["redated"];
  if (stored?.days[0] && stored.days[0] !== days[0]) {
    // Meetings first: if this run stops half-way, the next one still sees the old days and finishes.
    redated = { from: stored.days, meetings: await redateDemoMeetings(repos, stored, daysBetween(stored.days[0], days[0]), days[0]) };
  }
  const demo = generateDemoFair(days);
  await repos.taxonomy.upsertAll(TAXONOMY.version, TAXONOMY.terms);
  const fair = await repos.fairs.upsertBySlug(demo.fair);
  const ids = await repos.companies.upsertMany(demo.companies.map((c) => ({ ...c, fairId: fair.id })));
  await repos.interpreters.upsertMany(demo.interpreters.map((i) => ({ ...i, fairId: fair.id })));
  await repos.fairSessions.upsertMany(demo.sessions.map((s) => ({ ...s, fairId: fair.id })));

  const firstOf = (kind: string, country?: string) =>
    demo.companies.find((c) => c.kind === kind && (!country || c.country === country))!.registrationKey;
  const companyOf: Record<string, string | undefined> = {
    domestic: ids.get(firstOf("domestic")),
    vendor: ids.get(firstOf("foreign", "JP")),
  };
  // Some firms have already signed up for seminars (which blocks their meetings then); the demo
  // logins' own firms are left free for whoever tries the demo.
  const demoFirms = new Set(Object.values(companyOf));
  const firms = [...ids.values()].filter((id) => !demoFirms.has(id));
  const talks = (await repos.fairSessions.listForFair(fair.id)).filter((s) => s.kind === "seminar" || s.kind === "presentation");
  for (let i = 0; i < 40 && talks.length; i++) await repos.fairSessions.register(talks[i % talks.length]!.id, firms[(i * 7) % firms.length]!);

  const keyOf: Record<string, string | undefined> = { domestic: firstOf("domestic"), vendor: firstOf("foreign", "JP") };
  const firmListed = (role: string) => demo.companies.find((c) => c.registrationKey === keyOf[role])?.listed;

  const passwordHash = await hash(DEMO_PASSWORD);
  let usersCreated = 0;
  for (const login of DEMO_LOGINS) {
    const created = await repos.users.createIfAbsent({
      email: login.email,
      name: login.name,
      role: login.role,
      passwordHash,
      locale: login.role === "vendor" ? "ja" : "vi",
      timeZone: login.role === "vendor" ? "Asia/Tokyo" : "Asia/Ho_Chi_Minh",
      // Profile sharing is what lists a firm: an owner whose demo firm is unlisted has not given it.
      consents: ["personalData", ...(firmListed(login.role) === false ? [] : ["profileSharing"])].map((purpose) => ({ purpose, grantedAt: today })),
      ...(companyOf[login.role] ? { companyId: companyOf[login.role], companyRole: "owner" as const } : {}),
    });
    if (created) usersCreated++;
    // Demo logins are known addresses: confirmed, so no "confirm your address" reminder shows for them.
    const user = await repos.users.findByEmail(login.email);
    if (user && !user.emailVerifiedAt) await repos.users.markEmailVerified(user.id, today);
  }
  // The demo interpreter's login is linked to the interpreter of her name: her assignments are hers.
  const interpreterLogin = DEMO_LOGINS.find((l) => l.role === "interpreter")!;
  const interpreterUser = await repos.users.findByEmail(interpreterLogin.email);
  const herself = (await repos.interpreters.listForFair(fair.id)).find((i) => i.name === interpreterLogin.name);
  if (interpreterUser && herself && herself.userId !== interpreterUser.id)
    await repos.interpreters.update(herself.id, { userId: interpreterUser.id });
  return {
    fair: fair.slug,
    days,
    ...(redated ? { redated } : {}),
    companies: ids.size,
    interpreters: demo.interpreters.length,
    sessions: demo.sessions.length,
    usersCreated,
  };
}
