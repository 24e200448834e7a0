import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { DateTime } from "luxon";
import { companySearchKey, taxCodeCheckDigit, type MeetingOutcome } from "@ketnoi/contracts";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { FairRecord } from "../repositories/fairRepository";
import { DEMO_FAIR_SLUG, demoFairSetup } from "./data/programme";
import { generateDemoFair } from "./demoFair";
import { DEMO_PASSWORD } from "./seedDemoFair";
import { createRandom } from "../domain/random";

export const PAST_FAIR_SLUG = "cnht-hanoi-previous";
export const DELEGATION_SLUG = "delegation-visit";
/** A Hanoi firm that took part in last year's fair only: it joins this year's with one click. */
export const ALUMNI_LOGIN = { email: "alumni@ketnoi.demo", name: "Phạm Minh Tuấn" } as const;
/** A tax code with a valid check digit (the first prefix from 010999999 down that has one). */
const ALUMNI_TAX_CODE = (() => {
  for (let n = 10_999_999; ; n--) {
    const nine = String(n).padStart(9, "0");
    const digit = taxCodeCheckDigit(nine);
    if (digit !== null) return `${nine}${digit}`;
  }
})();
const ALUMNI_KEY = `VN:${ALUMNI_TAX_CODE}`;
/** A partner agency's desk that organises only the delegation visit it brings (an organiser scoped to one event). */
export const DELEGATION_DESK_LOGIN = { email: "delegation-desk@ketnoi.demo", name: "Kim Min-jun (KOTRA Hanoi)" } as const;

const OUTCOMES: MeetingOutcome[] = ["follow_up", "quotation_requested", "samples", "nda", "mou_signed", "not_relevant"];

/**
 * The city's programme around the demo fair, so the events list, the statistics and the report have
 * something true to show: last year's edition (52 weeks before, same weekdays, in the year before: most of this year's
 * firms took part, with meetings held and their outcomes), and a delegation visit three weeks after
 * this year's fair (foreign technology makers meeting Hanoi firms onsite). Dates follow the demo
 * fair's, so real time never overtakes them. Idempotent: events by slug, registrations by firm and
 * event, last year's meetings only when it has none.
 */
export async function seedDemoProgramme(repos: Repositories, demoFair: FairRecord): Promise<{ events: string[]; meetings: number }> {
  const shift = (days: string[], by: { weeks?: number; days?: number }) => days.map((d) => DateTime.fromISO(d).plus(by).toISODate()!);
  // 52 weeks back keeps the weekdays; a fair in the year's last days goes 53 back, so last year's is in last year.
  const weeksBack = shift(demoFair.days, { weeks: -52 })[0]!.slice(0, 4) === demoFair.days[0]!.slice(0, 4) ? 53 : 52;
  const pastDays = shift(demoFair.days, { weeks: -weeksBack }) as [string, string];
  const past = await repos.fairs.upsertBySlug({ ...demoFairSetup(pastDays), slug: PAST_FAIR_SLUG, kind: "hybrid", requiresApproval: true });
  // Last year's programme was this year's on its days (keys of its own, so neither overwrites the other).
  await repos.fairSessions.upsertMany(
    generateDemoFair(pastDays).sessions.map((s) => ({ ...s, key: s.key.replace(`${DEMO_FAIR_SLUG}:`, `${PAST_FAIR_SLUG}:`), fairId: past.id })),
  );
  const delegationDays = shift([demoFair.days.at(-1)!], { days: 21 });
  const year = delegationDays[0]!.slice(0, 4);
  const delegation = await repos.fairs.upsertBySlug({
    ...demoFairSetup([delegationDays[0]!, delegationDays[0]!]),
    slug: DELEGATION_SLUG,
    kind: "delegation",
    requiresApproval: true,
    days: delegationDays,
    name: {
      vi: `Đoàn nhà sản xuất công nghệ nước ngoài làm việc tại Hà Nội ${year}`,
      en: `Foreign technology makers' delegation to Hanoi ${year}`,
      ja: `海外技術メーカー視察団 ハノイ ${year}`,
      ko: `해외 기술 제조사 하노이 방문단 ${year}`,
      "zh-Hant": `${year} 外國技術製造商河內參訪團`,
    },
    onlineRoomsPerSlot: 0,
  });

  await seedDelegationDesk(repos, delegation);

  const firms = (await repos.companies.listAll()).filter((c) => c.fairId === demoFair.id && c.status !== "pending");
  const random = createRandom(2025);
  // Most firms came last year too (the demo logins' firms among them); a few are new this year.
  const lastYear = firms.filter((_, i) => i % 5 !== 4);
  const alumni = await seedAlumniFirm(repos, past, firms.find((c) => c.kind === "domestic")!);
  await repos.participations.ensureMany([
    ...lastYear.map((c) => ({ fairId: past.id, companyId: c.id, status: "approved" as const, participation: c.participation })),
    { fairId: past.id, companyId: alumni.id, status: "approved" as const, participation: "onsite" as const },
  ]);
  // The delegation: foreign makers of technology and equipment, and the Hanoi firms they asked to meet.
  const makers = firms.filter((c) => c.kind === "foreign" && c.offers.length > 0 && c.country !== "VN").slice(0, 35);
  const hosts = firms.filter((c) => c.kind === "domestic" && c.certifications.length > 0).slice(0, 40);
  await repos.participations.ensureMany(
    [...makers, ...hosts].map((c) => ({ fairId: delegation.id, companyId: c.id, status: "approved" as const, participation: "onsite" as const })),
  );

  let meetings = 0;
  if ((await repos.meetings.listForFair(past.id)).length === 0) {
    // The demo logins' own firms keep an agenda of this year's meetings only (what their walkthrough shows).
    const demoFirms = new Set(
      (await Promise.all(["domestic@ketnoi.demo", "vendor@ketnoi.demo"].map((e) => repos.users.findByEmail(e)))).map((u) => u?.companyId),
    );
    const domestic = [...lastYear.filter((c) => c.kind === "domestic" && !demoFirms.has(c.id)), alumni];
    const foreign = lastYear.filter((c) => c.kind === "foreign" && !demoFirms.has(c.id));
    const organiser = (await repos.users.findByEmail("organiser@ketnoi.demo"))!;
    const slotStarts = (day: string) =>
      Array.from({ length: 12 }, (_, i) =>
        DateTime.fromISO(`${day}T09:00`, { zone: past.timeZone })
          .plus({ minutes: 30 * i + (i >= 6 ? 90 : 0) })
          .toJSDate(),
      );
    const starts = pastDays.flatMap(slotStarts);
    const rows = Array.from({ length: 180 }, (_, n) => {
      const a = domestic[n % domestic.length]!;
      const b = foreign[(n * 7) % foreign.length]!;
      const start = starts[n % starts.length]!;
      const outcomeA = OUTCOMES[random.int(0, OUTCOMES.length - 1)]!;
      const followUp = DateTime.fromJSDate(start)
        .plus({ weeks: random.int(1, 8) })
        .toJSDate();
      return {
        id: repos.meetings.newId(),
        fields: {
          fairId: past.id,
          requesterId: a.id,
          recipientId: b.id,
          parties: [a.id, b.id],
          requestedBy: organiser.id,
          source: "scheduler" as const,
          message: "",
          preferredMode: "onsite" as const,
          dayPart: "any" as const,
          status: "held" as const,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          mode: "onsite" as const,
          table: (Math.floor(n / starts.length) % past.onsiteTables) + 1,
          reservationKeys: [],
          sequence: 0,
          outcomes: [{ companyId: a.id, outcome: outcomeA, note: "", at: followUp }],
          checkInCode: randomBytes(18).toString("base64url"),
          checkedInAt: start,
          absent: [],
        },
      };
    });
    await repos.meetings.createMany(rows as never, organiser.id);
    meetings = rows.length;
  }
  return { events: [past.slug, demoFair.slug, delegation.slug], meetings };
}

/** The delegation desk's login: an organiser of the delegation visit only (created once; its events are left as an organiser set them). */
async function seedDelegationDesk(repos: Repositories, delegation: FairRecord): Promise<void> {
  await repos.users.createIfAbsent({
    email: DELEGATION_DESK_LOGIN.email,
    name: DELEGATION_DESK_LOGIN.name,
    role: "organiser",
    eventScopes: [delegation.id],
    passwordHash: await hash(DEMO_PASSWORD),
    locale: "ko",
    timeZone: "Asia/Ho_Chi_Minh",
    consents: [{ purpose: "personalData", grantedAt: new Date(`${delegation.days[0]}T00:00:00Z`) }],
  });
  const user = await repos.users.findByEmail(DELEGATION_DESK_LOGIN.email);
  if (user && !user.emailVerifiedAt) await repos.users.markEmailVerified(user.id, new Date(`${delegation.days[0]}T00:00:00Z`));
}

/** Last year's firm that has not come back yet, and its owner's demo login. */
async function seedAlumniFirm(repos: Repositories, past: FairRecord, template: CompanyRecord): Promise<CompanyRecord> {
  const {
    id: _id,
    status: _s,
    searchKey: _k,
    sortName: _n,
    createdAt: _c,
    updatedAt: _u,
    ...profile
  } = template as CompanyRecord & {
    createdAt?: Date;
    updatedAt?: Date;
  };
  const firm = {
    ...profile,
    registrationKey: ALUMNI_KEY,
    taxCode: ALUMNI_TAX_CODE,
    legalName: "Công ty TNHH Cơ khí Chính xác Đông Anh",
    englishName: "Dong Anh Precision Engineering Co., Ltd.",
    district: "Đông Anh",
    listed: true,
    blockedSlots: [],
  };
  const ids = await repos.companies.upsertMany([{ ...firm, searchKey: companySearchKey(firm as never), fairId: past.id } as never], "merge");
  const companyId = ids.get(ALUMNI_KEY)!;
  await repos.users.createIfAbsent({
    email: ALUMNI_LOGIN.email,
    name: ALUMNI_LOGIN.name,
    role: "domestic",
    passwordHash: await hash(DEMO_PASSWORD),
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    consents: ["personalData", "profileSharing"].map((purpose) => ({ purpose, grantedAt: new Date(`${past.days[0]}T00:00:00Z`) })),
    companyId,
    companyRole: "owner",
  });
  const user = await repos.users.findByEmail(ALUMNI_LOGIN.email);
  if (user && !user.emailVerifiedAt) await repos.users.markEmailVerified(user.id, new Date(`${past.days[0]}T00:00:00Z`));
  return (await repos.companies.findById(companyId))!;
}
