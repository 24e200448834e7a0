import request from "supertest";
import { PLAN_DEFAULT_TARGETS, taxCodeCheckDigit } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { generateDemoFair } from "../../../api/src/seed/demoFair";
import { useSeededApp, signIn, FIXED_NOW, TEST_ORIGIN } from "../../support/app";
import { DEMO_DAYS, fairDayPlus, fairIso } from "../../support/clock";
import { silentLogger } from "../../support/stack";
import { createMeetingContext } from "../../../api/src/composition";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { createCalendarFeed } from "../../../api/src/commands/meetings/calendarFeed";
import { runScheduler } from "../../../api/src/commands/scheduler/runScheduler";
import { inProcessSolver } from "../../../api/src/services/solverRunner";

// Every endpoint of the OpenAPI document, called as each role (and anonymously): who gets what.
// "scoped" is an organiser of another event only (a partner agency's desk): refused wherever the demo
// fair's data or the programme as a whole is concerned, and otherwise as any organiser.
type Role = "anonymous" | "organiser" | "domestic" | "vendor" | "interpreter" | "scoped";
const ROLES: Role[] = ["anonymous", "organiser", "domestic", "vendor", "interpreter", "scoped"];
const SCOPED_EMAIL = "scoped-desk@example.vn";
const emailOf = (role: Exclude<Role, "anonymous">) => (role === "scoped" ? SCOPED_EMAIL : `${role}@ketnoi.demo`);

/**
 * What the scoped organiser is refused (403) without its own line: every endpoint on the event in
 * context (the demo fair) or on the programme as a whole. Elsewhere it gets what an organiser gets.
 */
const SCOPED_REFUSED = new Set([
  "GET /api/audit",
  "GET /api/fairs/current/badges.pdf",
  "POST /api/companies/import",
  "GET /api/companies/export",
  "POST /api/companies/{id}/approve",
  "POST /api/fair-sessions",
  "PATCH /api/fair-sessions/{id}",
  "DELETE /api/fair-sessions/{id}",
  "GET /api/fairs/current/targets",
  "GET /api/fairs/{slug}/setup",
  "PUT /api/fairs/{slug}",
  "POST /api/fairs/{slug}/copy",
  "GET /api/fairs/{slug}/registrations",
  "GET /api/companies/{id}/history",
  "GET /api/interpreters",
  "POST /api/interpreters",
  "PATCH /api/interpreters/{id}",
  "DELETE /api/interpreters/{id}",
  "GET /api/mail/stuck",
  "GET /api/matching/companies/{companyId}",
  "GET /api/matching/overview",
  "PUT /api/matching/pairs/{a}/{b}",
  "DELETE /api/matching/pairs/{a}/{b}",
  "POST /api/check-ins",
  "GET /api/meetings/{id}/check-in-code",
  "GET /api/meetings/{id}/check-in-link",
  "GET /api/programme/{year}/targets",
  "PUT /api/programme/{year}/targets",
  "GET /api/programme/{year}/progress",
  "GET /api/programme/{year}/report.pdf",
  "GET /api/programme/{year}/report.xlsx",
  "POST /api/scheduler/plans",
  "GET /api/scheduler/plans",
  "GET /api/scheduler/plans/{id}",
  "PUT /api/scheduler/plans/{id}/meetings/{meeting}",
  "GET /api/scheduler/plans/{id}/meetings/{meeting}/slots",
  "POST /api/scheduler/plans/{id}/publish",
  "GET /api/users/export",
  "GET /api/users/consents",
  "GET /api/users/organisers",
  "PUT /api/users/{id}/event-scopes",
]);
interface Fixture {
  fairSlug: string;
  listedCompany: string;
  domesticCompany: string;
  pendingCompany: string;
  session: string;
  otherSession: string;
  interpreter: string;
  attachment: string;
  /** Meetings: one booked between the demo firms, open requests to the domestic firm, and a target to request. */
  booked: string;
  toAccept: string;
  toDecline: string;
  toCounter: string;
  toCancel: string;
  vendorCompany: string;
  meetTarget: string;
  feedPath: string;
  planToAdjust: string;
  planToPublish: string;
  boothMessage: string;
  recTarget: string;
  /** The vendor firm's lead on the demo domestic user (scanned at its booth). */
  lead: string;
  /** An event besides the demo fair, where the domestic firm's registration waits for approval. */
  nextEvent: string;
  /** A second organiser, whose events an organiser of the whole programme sets. */
  otherOrganiser: string;
  n: number;
}
interface Case {
  call: (f: Fixture) => { path: string; body?: object; raw?: Buffer };
  /** Sign in afresh for this call (it ends or replaces the session). */
  freshSession?: boolean;
  /** The scoped organiser's answer when it is not the rule's (see SCOPED_REFUSED). */
  expect: Omit<Record<Role, number>, "scoped"> & { scoped?: number };
}
const all = (status: number): Omit<Record<Role, number>, "scoped"> => ({
  anonymous: status,
  organiser: status,
  domestic: status,
  vendor: status,
  interpreter: status,
});
const signedIn = (status: number) => ({ ...all(status), anonymous: 401 });
/** Firms' endpoints: anonymous 401, interpreters 403, the two firms `status` (organisers set per case). */
const parties = (status: number) => ({ anonymous: 401, organiser: status, domestic: status, vendor: status, interpreter: 403 });
const organiserOnly = (status: number) => ({ anonymous: 401, organiser: status, domestic: 403, vendor: 403, interpreter: 403 });

function taxCode(n: number) {
  for (let i = n; ; i++) {
    const nine = `0109${String(i).padStart(5, "0")}`;
    const d = taxCodeCheckDigit(nine);
    if (d !== null) return `${nine}${d}`;
  }
}

const CASES: Record<string, Case> = {
  "GET /api/health": { call: () => ({ path: "/api/health" }), expect: all(200) },
  "POST /api/auth/login": {
    call: () => ({ path: "/api/auth/login", body: { email: "organiser@ketnoi.demo", password: DEMO_PASSWORD } }),
    freshSession: true,
    expect: all(200),
  },
  "POST /api/auth/register": {
    call: (f) => ({
      path: "/api/auth/register",
      body: {
        email: `walk${f.n}@example.vn`,
        password: "a long enough password",
        name: "Nguyễn Walk",
        role: "domestic",
        company: { legalName: `Công ty TNHH Kiểm thử ${f.n}`, taxCode: taxCode(f.n * 7), country: "VN" },
        consents: { personalData: true },
      },
    }),
    // The same for everyone (and for an address with an account): a mail goes out, nothing else.
    expect: all(202),
  },
  "POST /api/auth/register/confirm": { call: () => ({ path: "/api/auth/register/confirm", body: { token: "z".repeat(43) } }), expect: all(404) },
  "POST /api/invitations": {
    call: (f) => ({
      path: "/api/invitations",
      body: { kind: "firm", email: `invitee${f.n}@example.de`, role: "vendor", companyId: f.listedCompany },
    }),
    expect: organiserOnly(202),
  },
  "POST /api/invitations/accept": {
    call: () => ({
      path: "/api/invitations/accept",
      body: { token: "z".repeat(43), name: "Ai Đó", password: "a long enough password", consents: { personalData: true } },
    }),
    expect: all(404),
  },
  // Anonymous callers get 200 { user: null }: a signed-out page's first request is not an error.
  "GET /api/auth/session": { call: () => ({ path: "/api/auth/session" }), expect: all(200) },
  "POST /api/auth/logout": { call: () => ({ path: "/api/auth/logout", body: {} }), freshSession: true, expect: signedIn(204) },
  // The scoped desk: its sixth reset request from this address this hour.
  "POST /api/auth/password-reset": {
    call: () => ({ path: "/api/auth/password-reset", body: { email: "nobody@example.vn" } }),
    expect: { ...all(202), scoped: 429 },
  },
  "POST /api/auth/password-reset/confirm": {
    call: () => ({ path: "/api/auth/password-reset/confirm", body: { token: "x".repeat(43), password: "a long enough password" } }),
    expect: all(404),
  },
  "POST /api/auth/verify-email": { call: () => ({ path: "/api/auth/verify-email", body: { token: "y".repeat(43) } }), expect: all(404) },
  "POST /api/auth/verify-email/resend": { call: () => ({ path: "/api/auth/verify-email/resend", body: {} }), expect: signedIn(202) },
  "GET /api/fairs/current": { call: () => ({ path: "/api/fairs/current" }), expect: all(200) },
  "GET /api/fairs": { call: () => ({ path: "/api/fairs" }), expect: all(200) },
  "POST /api/fairs/{slug}/registrations": {
    // The demo firms are registered already: joining again answers their registration.
    call: (f) => ({ path: `/api/fairs/${f.fairSlug}/registrations`, body: {} }),
    expect: { anonymous: 401, organiser: 403, domestic: 200, vendor: 200, interpreter: 403 },
  },
  "GET /api/fairs/{slug}/registrations": { call: (f) => ({ path: `/api/fairs/${f.fairSlug}/registrations` }), expect: organiserOnly(200) },
  // The scoped desk: the desk organises that event: it may, and finds it approved already.
  "POST /api/fairs/{slug}/registrations/{companyId}/approve": {
    call: (f) => ({ path: `/api/fairs/${f.nextEvent}/registrations/${f.domesticCompany}/approve`, body: {} }),
    expect: { ...organiserOnly(204), scoped: 409 },
  },
  "POST /api/fairs/{slug}/copy": {
    call: (f) => ({ path: `/api/fairs/${f.fairSlug}/copy`, body: { slug: `access-copy-${f.n}`, name: { en: "A copy" }, days: [fairDayPlus(40)] } }),
    expect: organiserOnly(201),
  },
  "GET /api/fairs/current/targets": { call: () => ({ path: "/api/fairs/current/targets" }), expect: organiserOnly(200) },
  "PUT /api/fairs/{slug}": {
    call: (f) => {
      const { slug: _slug, ...setup } = generateDemoFair(DEMO_DAYS).fair;
      return { path: `/api/fairs/${f.fairSlug}`, body: setup };
    },
    expect: organiserOnly(200),
  },
  "GET /api/fairs/{slug}": { call: (f) => ({ path: `/api/fairs/${f.fairSlug}` }), expect: all(200) },
  "GET /api/fairs/{slug}/setup": { call: (f) => ({ path: `/api/fairs/${f.fairSlug}/setup` }), expect: organiserOnly(200) },
  // The year's programme (issue #21): organisers only.
  "GET /api/programme/{year}/targets": { call: () => ({ path: `/api/programme/${DEMO_DAYS[0].slice(0, 4)}/targets` }), expect: organiserOnly(200) },
  "PUT /api/programme/{year}/targets": {
    call: () => ({ path: `/api/programme/${DEMO_DAYS[0].slice(0, 4)}/targets`, body: PLAN_DEFAULT_TARGETS }),
    expect: organiserOnly(200),
  },
  "GET /api/programme/{year}/progress": { call: () => ({ path: `/api/programme/${DEMO_DAYS[0].slice(0, 4)}/progress` }), expect: organiserOnly(200) },
  "GET /api/programme/{year}/report.pdf": {
    call: () => ({ path: `/api/programme/${DEMO_DAYS[0].slice(0, 4)}/report.pdf` }),
    expect: organiserOnly(200),
  },
  "GET /api/programme/{year}/report.xlsx": {
    call: () => ({ path: `/api/programme/${DEMO_DAYS[0].slice(0, 4)}/report.xlsx` }),
    expect: organiserOnly(200),
  },
  "GET /api/taxonomy": { call: () => ({ path: "/api/taxonomy" }), expect: all(200) },
  "GET /api/open-data/statistics": { call: () => ({ path: "/api/open-data/statistics" }), expect: all(200) },
  "GET /api/open-data/statistics.csv": { call: () => ({ path: "/api/open-data/statistics.csv" }), expect: all(200) },
  "GET /api/open-data/firms.csv": { call: () => ({ path: "/api/open-data/firms.csv" }), expect: all(200) },
  "GET /api/open-data/firms.json": { call: () => ({ path: "/api/open-data/firms.json" }), expect: all(200) },
  "GET /api/open-data/dictionary.json": { call: () => ({ path: "/api/open-data/dictionary.json" }), expect: all(200) },
  "GET /api/companies": { call: () => ({ path: "/api/companies?q=co%20khi" }), expect: all(200) },
  "GET /api/companies/{id}": {
    call: (f) => ({ path: `/api/companies/${f.pendingCompany}` }),
    expect: { scoped: 404, anonymous: 404, organiser: 200, domestic: 404, vendor: 404, interpreter: 404 },
  },
  // The domestic firm's team: its members and organisers; anyone else is told it does not exist.
  "GET /api/companies/{id}/members": {
    call: (f) => ({ path: `/api/companies/${f.domesticCompany}/members` }),
    expect: { scoped: 404, anonymous: 401, organiser: 200, domestic: 200, vendor: 404, interpreter: 404 },
  },
  // A firm's history across events: its members and organisers; anyone else is told it does not exist.
  "GET /api/companies/{id}/history": {
    call: (f) => ({ path: `/api/companies/${f.domesticCompany}/history` }),
    expect: { anonymous: 401, organiser: 200, domestic: 200, vendor: 404, interpreter: 404 },
  },
  "PATCH /api/companies/{id}": {
    call: (f) => ({ path: `/api/companies/${f.domesticCompany}`, body: { employees: 77 } }),
    expect: { scoped: 403, anonymous: 401, organiser: 200, domestic: 200, vendor: 403, interpreter: 403 },
  },
  "POST /api/companies/{id}/approve": { call: (f) => ({ path: `/api/companies/${f.listedCompany}/approve`, body: {} }), expect: organiserOnly(204) },
  "POST /api/companies/import": {
    call: () => ({ path: "/api/companies/import", body: { csv: "kind,legal_name,tax_code\ndomestic,Công ty TNHH Thử,0100101379\n", dryRun: true } }),
    expect: organiserOnly(200),
  },
  "GET /api/companies/export": { call: () => ({ path: "/api/companies/export" }), expect: organiserOnly(200) },
  "GET /api/users/export": { call: () => ({ path: "/api/users/export" }), expect: organiserOnly(200) },
  // Which events an organiser organises (scoped organisers: eventScopes.int.test.ts).
  "GET /api/users/organisers": { call: () => ({ path: "/api/users/organisers" }), expect: organiserOnly(200) },
  "PUT /api/users/{id}/event-scopes": {
    call: (f) => ({ path: `/api/users/${f.otherOrganiser}/event-scopes`, body: { events: [f.nextEvent] } }),
    expect: organiserOnly(200),
  },
  "GET /api/companies/{id}/availability": {
    call: (f) => ({ path: `/api/companies/${f.domesticCompany}/availability` }),
    expect: { scoped: 403, anonymous: 401, organiser: 200, domestic: 200, vendor: 403, interpreter: 403 },
  },
  "PUT /api/companies/{id}/availability": {
    call: (f) => ({ path: `/api/companies/${f.domesticCompany}/availability`, body: { blocked: ["d1s01"] } }),
    expect: { scoped: 403, anonymous: 401, organiser: 204, domestic: 204, vendor: 403, interpreter: 403 },
  },
  "POST /api/fair-sessions": {
    call: () => ({
      path: "/api/fair-sessions",
      body: { kind: "seminar", title: { vi: "Hội thảo thử" }, startsAt: fairIso(2, "14:00"), endsAt: fairIso(2, "15:00"), room: "P2", capacity: 50 },
    }),
    expect: organiserOnly(201),
  },
  "PATCH /api/fair-sessions/{id}": {
    call: (f) => ({ path: `/api/fair-sessions/${f.otherSession}`, body: { room: "Phòng 3" } }),
    expect: organiserOnly(200),
  },
  "DELETE /api/fair-sessions/{id}": { call: (f) => ({ path: `/api/fair-sessions/${f.otherSession}` }), expect: organiserOnly(204) },
  "POST /api/fair-sessions/{id}/registrations": {
    call: (f) => ({ path: `/api/fair-sessions/${f.session}/registrations`, body: {} }),
    expect: { anonymous: 401, organiser: 403, domestic: 201, vendor: 201, interpreter: 403 },
  },
  "DELETE /api/fair-sessions/{id}/registrations": {
    call: (f) => ({ path: `/api/fair-sessions/${f.session}/registrations` }),
    expect: { anonymous: 401, organiser: 403, domestic: 204, vendor: 204, interpreter: 403 },
  },
  "GET /api/interpreters": { call: () => ({ path: "/api/interpreters" }), expect: organiserOnly(200) },
  "POST /api/interpreters": {
    call: () => ({ path: "/api/interpreters", body: { name: "Lý Thu Trang", languages: ["vi", "ko"], availableDays: [DEMO_DAYS[0]] } }),
    expect: organiserOnly(201),
  },
  "PATCH /api/interpreters/{id}": {
    call: (f) => ({ path: `/api/interpreters/${f.interpreter}`, body: { availableDays: [DEMO_DAYS[1]] } }),
    expect: organiserOnly(200),
  },
  "DELETE /api/interpreters/{id}": { call: (f) => ({ path: `/api/interpreters/${f.interpreter}` }), expect: organiserOnly(204) },
  "POST /api/companies/{id}/attachments": {
    call: (f) => ({
      path: `/api/companies/${f.domesticCompany}/attachments?kind=catalogue&name=catalogue.pdf`,
      raw: Buffer.from("%PDF-1.4\n%%EOF\n"),
    }),
    expect: { scoped: 403, anonymous: 401, organiser: 201, domestic: 201, vendor: 403, interpreter: 403 },
  },
  "GET /api/companies/{id}/attachments": { call: (f) => ({ path: `/api/companies/${f.domesticCompany}/attachments` }), expect: all(200) },
  "GET /api/attachments/{id}": { call: (f) => ({ path: `/api/attachments/${f.attachment}` }), expect: all(200) },
  "DELETE /api/attachments/{id}": {
    call: (f) => ({ path: `/api/attachments/${f.attachment}` }),
    expect: { scoped: 404, anonymous: 401, organiser: 204, domestic: 404, vendor: 404, interpreter: 404 },
  },
  "GET /api/me/data": { call: () => ({ path: "/api/me/data" }), expect: signedIn(200) },
  // A wrong password: the deletion itself is tested in personalData.int.test.ts.
  "POST /api/me/delete": { call: () => ({ path: "/api/me/delete", body: { password: "not my password" } }), expect: all(401) },
  "PATCH /api/me/consents": { call: () => ({ path: "/api/me/consents", body: { marketing: true } }), expect: signedIn(204) },
  // Everyone signed in takes part in person (organisers run the hall), so everyone has a badge.
  "GET /api/me/badge": { call: () => ({ path: "/api/me/badge" }), expect: signedIn(200) },
  "GET /api/me/badge/qr.svg": { call: () => ({ path: "/api/me/badge/qr.svg" }), expect: signedIn(200) },
  "GET /api/me/badge.pdf": { call: () => ({ path: "/api/me/badge.pdf" }), expect: signedIn(200) },
  "GET /api/fairs/current/badges.pdf": { call: () => ({ path: "/api/fairs/current/badges.pdf?layout=a4&role=vendor" }), expect: organiserOnly(200) },
  "GET /api/users/consents": { call: () => ({ path: "/api/users/consents" }), expect: organiserOnly(200) },
  "POST /api/meetings": { call: (f) => ({ path: "/api/meetings", body: { with: f.meetTarget } }), expect: { ...parties(201), organiser: 403 } },
  "GET /api/meetings": { call: () => ({ path: "/api/meetings" }), expect: { ...signedIn(200), scoped: 403 } },
  "GET /api/meetings/slots": { call: (f) => ({ path: `/api/meetings/slots?with=${f.meetTarget}` }), expect: { ...parties(200), organiser: 403 } },
  "GET /api/meetings/{id}": { call: (f) => ({ path: `/api/meetings/${f.booked}` }), expect: { scoped: 404, ...signedIn(200), interpreter: 404 } },
  "GET /api/meetings/{id}/check-in-code": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/check-in-code` }),
    expect: { ...parties(200), organiser: 200 },
  },
  "GET /api/meetings/{id}/check-in-link": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/check-in-link` }),
    expect: { ...parties(200), organiser: 200 },
  },
  "POST /api/meetings/{id}/accept": {
    call: (f) => ({ path: `/api/meetings/${f.toAccept}/accept`, body: { slot: "d2s02" } }),
    expect: { ...parties(404), organiser: 403, domestic: 200 },
  },
  "POST /api/meetings/{id}/decline": {
    call: (f) => ({ path: `/api/meetings/${f.toDecline}/decline`, body: { reason: "other" } }),
    expect: { ...parties(404), organiser: 403, domestic: 200 },
  },
  "POST /api/meetings/{id}/counter": {
    call: (f) => ({ path: `/api/meetings/${f.toCounter}/counter`, body: { slot: "d2s06" } }),
    expect: { ...parties(404), organiser: 403, domestic: 200 },
  },
  // The organiser cancels first; the domestic side then finds it closed; the vendor is no party to it.
  "POST /api/meetings/{id}/cancel": {
    call: (f) => ({ path: `/api/meetings/${f.toCancel}/cancel`, body: {} }),
    expect: { scoped: 404, ...parties(404), organiser: 200, domestic: 409 },
  },
  "POST /api/meetings/{id}/reschedule": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/reschedule`, body: { slot: `d2s${String(8 + (f.n % 5)).padStart(2, "0")}` } }),
    expect: { scoped: 404, ...parties(200), organiser: 200 },
  },
  "POST /api/meetings/{id}/check-in": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/check-in`, body: { code: "x".repeat(24) } }),
    expect: { scoped: 404, ...parties(400), organiser: 400 },
  },
  // A desk's queued scans are answered one by one (here: the wrong code, refused), 200 for whoever may check in.
  "POST /api/check-ins": {
    call: (f) => ({
      path: "/api/check-ins",
      body: {
        scans: [{ scanId: "3f2b6c1e-8a4d-4c3b-9e2f-1a2b3c4d5e6f", meetingId: f.booked, code: "x".repeat(24), scannedAt: FIXED_NOW.toISOString() }],
      },
    }),
    expect: parties(200),
  },
  // Before the meeting: not started (409); a party cannot report itself absent (400).
  "POST /api/meetings/{id}/no-show": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/no-show`, body: { absent: f.vendorCompany } }),
    expect: { scoped: 404, ...parties(409), organiser: 409, vendor: 400 },
  },
  "POST /api/meetings/{id}/outcome": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/outcome`, body: { outcome: "follow_up" } }),
    expect: { ...parties(409), organiser: 403 },
  },
  "GET /api/me/agenda.ics": { call: () => ({ path: "/api/me/agenda.ics" }), expect: signedIn(200) },
  "POST /api/me/calendar-feed": { call: () => ({ path: "/api/me/calendar-feed", body: {} }), expect: signedIn(201) },
  // A feed URL is a capability: whoever holds it reads that one feed.
  "GET /api/calendar/{token}.ics": { call: (f) => ({ path: f.feedPath }), expect: all(200) },
  "POST /api/scheduler/plans": { call: () => ({ path: "/api/scheduler/plans", body: { timeLimitSeconds: 0.2 } }), expect: organiserOnly(201) },
  "GET /api/scheduler/plans": { call: () => ({ path: "/api/scheduler/plans" }), expect: organiserOnly(200) },
  "GET /api/scheduler/plans/{id}": { call: (f) => ({ path: `/api/scheduler/plans/${f.planToAdjust}` }), expect: organiserOnly(200) },
  "GET /api/scheduler/plans/{id}/meetings/{meeting}/slots": {
    call: (f) => ({ path: `/api/scheduler/plans/${f.planToAdjust}/meetings/${f.toAccept}/slots` }),
    expect: organiserOnly(200),
  },
  "PUT /api/scheduler/plans/{id}/meetings/{meeting}": {
    call: (f) => ({ path: `/api/scheduler/plans/${f.planToAdjust}/meetings/${f.toAccept}`, body: { slot: null } }),
    expect: organiserOnly(200),
  },
  "POST /api/scheduler/plans/{id}/publish": {
    call: (f) => ({ path: `/api/scheduler/plans/${f.planToPublish}/publish`, body: {} }),
    expect: organiserOnly(200),
  },
  "GET /api/recommendations": { call: () => ({ path: "/api/recommendations?k=5" }), expect: { ...parties(200), organiser: 403 } },
  "POST /api/recommendations/{companyId}/accept": {
    call: (f) => ({ path: `/api/recommendations/${f.recTarget}/accept`, body: {} }),
    expect: { ...parties(201), organiser: 403 },
  },
  "POST /api/recommendations/{companyId}/dismiss": {
    call: (f) => ({ path: `/api/recommendations/${f.recTarget}/dismiss`, body: { kind: "offer:proc.stamping", reason: "other" } }),
    expect: { ...parties(204), organiser: 403 },
  },
  "PUT /api/recommendations/{companyId}/bookmark": {
    call: (f) => ({ path: `/api/recommendations/${f.recTarget}/bookmark`, body: {} }),
    expect: { ...parties(204), organiser: 403 },
  },
  "DELETE /api/recommendations/{companyId}/bookmark": {
    call: (f) => ({ path: `/api/recommendations/${f.recTarget}/bookmark` }),
    expect: { ...parties(204), organiser: 403 },
  },
  "GET /api/matching/companies/{companyId}": { call: (f) => ({ path: `/api/matching/companies/${f.domesticCompany}` }), expect: organiserOnly(200) },
  "GET /api/matching/overview": { call: () => ({ path: "/api/matching/overview?limit=3" }), expect: organiserOnly(200) },
  "PUT /api/matching/pairs/{a}/{b}": {
    call: (f) => ({ path: `/api/matching/pairs/${f.domesticCompany}/${f.recTarget}`, body: { decision: "promote" } }),
    expect: organiserOnly(204),
  },
  "DELETE /api/matching/pairs/{a}/{b}": {
    call: (f) => ({ path: `/api/matching/pairs/${f.domesticCompany}/${f.recTarget}` }),
    expect: organiserOnly(204),
  },
  "GET /api/audit": { call: () => ({ path: "/api/audit" }), expect: organiserOnly(200) },
  "GET /api/mail/stuck": { call: () => ({ path: "/api/mail/stuck" }), expect: organiserOnly(200) },
  "GET /api/me/notifications": { call: () => ({ path: "/api/me/notifications" }), expect: signedIn(200) },
  "POST /api/me/notifications/read": {
    call: () => ({ path: "/api/me/notifications/read", body: { ids: ["0123456789abcdef01234567"] } }),
    expect: signedIn(204),
  },
  // Realtime and video: tickets and tokens follow the meeting and booth policies (the booked meeting is onsite: no video).
  // Anyone: a guest token admits to the public hall only.
  "POST /api/realtime/token": { call: () => ({ path: "/api/realtime/token", body: {} }), expect: all(200) },
  "POST /api/realtime/tickets": {
    call: (f) => ({ path: "/api/realtime/tickets", body: { room: `meeting:${f.booked}` } }),
    expect: { scoped: 404, ...signedIn(200), interpreter: 404 },
  },
  "POST /api/meetings/{id}/video-token": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/video-token`, body: {} }),
    expect: { scoped: 404, ...signedIn(409), interpreter: 404 },
  },
  "GET /api/meetings/{id}/live": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/live` }),
    expect: { scoped: 404, ...signedIn(200), interpreter: 404 },
  },
  "GET /api/meetings/{id}/attendance": {
    call: (f) => ({ path: `/api/meetings/${f.booked}/attendance` }),
    expect: { scoped: 404, ...signedIn(200), interpreter: 404 },
  },
  "POST /api/booths/{companyId}/video-token": {
    call: (f) => ({ path: `/api/booths/${f.listedCompany}/video-token`, body: {} }),
    expect: signedIn(200),
  },
  "GET /api/booths/{companyId}/chat": { call: (f) => ({ path: `/api/booths/${f.listedCompany}/chat` }), expect: signedIn(200) },
  "POST /api/booths/{companyId}/chat": {
    call: (f) => ({ path: `/api/booths/${f.listedCompany}/chat`, body: { text: "Xin chào" } }),
    expect: signedIn(201),
  },
  // The organiser deletes the domestic user's message first; it is gone for the others.
  "DELETE /api/booths/{companyId}/chat/{messageId}": {
    call: (f) => ({ path: `/api/booths/${f.listedCompany}/chat/${f.boothMessage}` }),
    expect: { scoped: 404, ...signedIn(404), organiser: 204 },
  },
  "GET /api/booths/{companyId}/queue": { call: (f) => ({ path: `/api/booths/${f.listedCompany}/queue` }), expect: signedIn(200) },
  // The scoped desk: at a booth of the demo fair the desk is a visitor, who may queue.
  "POST /api/booths/{companyId}/queue": {
    call: (f) => ({ path: `/api/booths/${f.listedCompany}/queue`, body: {} }),
    expect: { scoped: 200, ...signedIn(200), organiser: 409 },
  },
  "DELETE /api/booths/{companyId}/queue": { call: (f) => ({ path: `/api/booths/${f.listedCompany}/queue` }), expect: signedIn(204) },
  // The domestic firm's own booth, with nobody waiting: its staff and organisers get 409, others 403.
  // The scoped desk: a visitor admits no one.
  "POST /api/booths/{companyId}/queue/admit": {
    call: (f) => ({ path: `/api/booths/${f.domesticCompany}/queue/admit`, body: {} }),
    expect: { scoped: 403, ...signedIn(403), organiser: 409, domestic: 409 },
  },
  // Leads: a firm's staff (domestic or vendor) scan and read their own firm's; organisers and interpreters read none.
  "POST /api/leads/sync": {
    call: () => ({ path: "/api/leads/sync", body: { scans: [{ scanId: "s1", badge: "A".repeat(22), scannedAt: FIXED_NOW.toISOString() }] } }),
    expect: { ...parties(200), organiser: 403 },
  },
  "GET /api/leads": { call: () => ({ path: "/api/leads" }), expect: { ...parties(200), organiser: 403 } },
  "GET /api/leads/export.csv": { call: () => ({ path: "/api/leads/export.csv" }), expect: { ...parties(200), organiser: 403 } },
  "GET /api/leads/export.xlsx": { call: () => ({ path: "/api/leads/export.xlsx" }), expect: { ...parties(200), organiser: 403 } },
  "PATCH /api/leads/{id}": {
    call: (f) => ({ path: `/api/leads/${f.lead}`, body: { rating: 4 } }),
    expect: { ...parties(404), organiser: 403, vendor: 200 },
  },
  // Everyone has a badge; only the visitor the lead is about withdraws it.
  "GET /api/me/badge-scans": { call: () => ({ path: "/api/me/badge-scans" }), expect: signedIn(200) },
  // My firm's history: a firm's members (organisers and interpreters have no firm).
  "GET /api/me/history": { call: () => ({ path: "/api/me/history" }), expect: { ...parties(200), organiser: 403 } },
  "DELETE /api/me/badge-scans/{id}": { call: (f) => ({ path: `/api/me/badge-scans/${f.lead}` }), expect: { ...signedIn(404), domestic: 204 } },
  "POST /api/livekit/webhook": { call: () => ({ path: "/api/livekit/webhook", body: { event: "participant_joined" } }), expect: all(401) },
};

describe("access: every endpoint as every role", () => {
  const t = useSeededApp("access");
  const fixture: Fixture = {
    fairSlug: "cnht-hanoi-2026",
    listedCompany: "",
    domesticCompany: "",
    pendingCompany: "",
    session: "",
    otherSession: "",
    interpreter: "",
    attachment: "",
    booked: "",
    toAccept: "",
    toDecline: "",
    toCounter: "",
    toCancel: "",
    vendorCompany: "",
    meetTarget: "",
    feedPath: "",
    planToAdjust: "",
    planToPublish: "",
    boothMessage: "",
    recTarget: "",
    lead: "",
    nextEvent: "",
    otherOrganiser: "",
    n: 0,
  };
  const sessions = new Map<Role, Awaited<ReturnType<typeof signIn>>>();
  beforeAll(async () => {
    const domesticUser = await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean();
    fixture.domesticCompany = domesticUser!.companyId!.toHexString();
    await t.db.models.Company.updateOne({ _id: domesticUser!.companyId }, { $set: { listed: true } });
    fixture.listedCompany = (await t.db.models.Company.findOne({ listed: true, kind: "foreign", country: "DE" }).lean())!._id.toHexString();
    fixture.pendingCompany = (await t.db.models.Company.findOneAndUpdate(
      { kind: "domestic", listed: true, _id: { $ne: domesticUser!.companyId } },
      { $set: { status: "pending" } },
    ).lean())!._id.toHexString();
    fixture.attachment = (
      await t.repos.attachments.save(
        { companyId: fixture.domesticCompany, kind: "catalogue", name: "a.pdf", contentType: "application/pdf" },
        Buffer.from("%PDF-1.7"),
      )
    ).id;
    fixture.interpreter = (await t.db.models.Interpreter.findOne().lean())!._id.toHexString();
    fixture.otherSession = (await t.db.models.FairSession.findOne({ kind: "presentation" }).lean())!._id.toHexString();
    fixture.session = (await t.db.models.FairSession.findOne({ kind: "seminar" }).lean())!._id.toHexString();
    for (const role of ["organiser", "domestic", "vendor", "interpreter"] as const)
      sessions.set(role, await signIn(t.app, emailOf(role), DEMO_PASSWORD));
    await meetingFixtures();
    const demoFair = (await t.repos.fairs.findBySlug(fixture.fairSlug))!;
    const { id: _id, ...setup } = demoFair;
    const next = (await t.repos.fairs.create({ ...setup, slug: "access-next-event", kind: "delegation", days: [fairDayPlus(30)] } as never))!;
    fixture.nextEvent = next.slug;
    await t.repos.participations.register({ fairId: next.id, companyId: fixture.domesticCompany, status: "pending", participation: "onsite" });
    const organiserHash = (await t.db.models.User.findOne({ email: "organiser@ketnoi.demo" }).lean())!.passwordHash;
    const desk = { email: "desk@example.vn", name: "Bàn đoàn", role: "organiser" as const, locale: "vi" as const, timeZone: "Asia/Ho_Chi_Minh" };
    fixture.otherOrganiser = (await t.repos.users.create({ ...desk, consents: [], passwordHash: organiserHash })).id;
    const scoped = await t.repos.users.create({ ...desk, email: SCOPED_EMAIL, name: "Bàn đối tác", consents: [], passwordHash: organiserHash });
    await t.repos.users.setEventScopes(scoped.id, [next.id]);
    sessions.set("scoped", await signIn(t.app, SCOPED_EMAIL, DEMO_PASSWORD));
  });

  /** Meetings of the demo firms (onsite, sharing English: no interpreter), and requests from four other vendors. */
  async function meetingFixtures() {
    const vendorUser = await t.db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean();
    fixture.vendorCompany = vendorUser!.companyId!.toHexString();
    await t.db.models.Company.updateMany(
      { _id: { $in: [fixture.domesticCompany, fixture.vendorCompany] } },
      { $set: { participation: "onsite", listed: true, languages: ["vi", "en"] } },
    );
    await t.db.models.Company.updateOne({ _id: fixture.vendorCompany }, { $set: { languages: ["ja", "en"] } });
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const domesticUser = (await t.repos.users.findByEmail("domestic@ketnoi.demo"))!;
    fixture.booked = (
      await requestMeeting(ctx, domesticUser, undefined, { with: fixture.vendorCompany, message: "", mode: "onsite", slot: "d1s08" })
    ).meeting.id;
    const others = await t.db.models.Company.find({ kind: "foreign", listed: true, status: { $ne: "pending" }, _id: { $ne: fixture.vendorCompany } })
      .limit(5)
      .lean();
    const hash = (await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean())!.passwordHash;
    const ids: string[] = [];
    for (const [i, c] of others.slice(0, 4).entries()) {
      const user = await t.repos.users.create({
        email: `fixture-vendor${i}@example.jp`,
        name: `V${i}`,
        role: "vendor",
        companyId: c._id.toHexString(),
        companyRole: "owner",
        locale: "en",
        timeZone: "Asia/Tokyo",
        consents: [],
        passwordHash: hash,
      });
      ids.push(
        (
          await requestMeeting(ctx, user, undefined, {
            with: fixture.domesticCompany,
            message: "",
            mode: "either",
            ...(i === 3 ? { slot: "d2s03" } : {}),
          })
        ).meeting.id,
      );
      if (i === 0) fixture.feedPath = new URL((await createCalendarFeed(ctx, user, TEST_ORIGIN)).url).pathname;
    }
    [fixture.toAccept, fixture.toDecline, fixture.toCounter, fixture.toCancel] = ids as [string, string, string, string];
    fixture.meetTarget = others[4]!._id.toHexString();
    fixture.recTarget = (await t.db.models.Company.findOne({
      kind: "foreign",
      status: { $ne: "pending" },
      _id: { $nin: [fixture.vendorCompany, ...others.map((o) => o._id)] },
    }).lean())!._id.toHexString();
    const organiserUser = (await t.repos.users.findByEmail("organiser@ketnoi.demo"))!;
    const plan = () => runScheduler({ ...ctx, solver: inProcessSolver }, organiserUser, undefined, { timeLimitMs: 200, proposals: async () => [] });
    fixture.planToAdjust = (await plan()).id;
    fixture.planToPublish = (await plan()).id;
    fixture.boothMessage = (
      await t.repos.booths.addChat({ companyId: fixture.listedCompany, userId: domesticUser.id, name: domesticUser.name, text: "hello" })
    ).id;
    const scanner = (await t.repos.users.findByEmail("vendor@ketnoi.demo"))!;
    const badge = await t.repos.badges.codeFor(domesticUser.id);
    const scan = { companyId: fixture.vendorCompany, visitorId: domesticUser.id, badge, scannedBy: scanner.id, scannedAt: FIXED_NOW };
    fixture.lead = (await t.repos.leads.create(scan, {}, FIXED_NOW))!.id;
  }

  test("the table covers exactly the operations of the OpenAPI document", async () => {
    const doc = (await request(t.app).get("/api/openapi.json").expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(CASES).sort());
  });

  test.each(Object.keys(CASES))("%s", async (operation) => {
    const method = operation.split(" ")[0]!;
    const c = CASES[operation]!;
    const got: Record<string, number> = {};
    for (const role of ROLES) {
      fixture.n++;
      const { path, body, raw } = c.call(fixture);
      const send = <R extends request.Test>(req: R) =>
        raw ? req.set("Content-Type", "application/octet-stream").send(raw) : body ? req.send(body) : req;
      let status: number;
      if (role === "anonymous") {
        status = (await send(request(t.app)[method.toLowerCase() as "get"](path))).status;
      } else {
        const { agent, csrf } = c.freshSession ? await signIn(t.app, emailOf(role), DEMO_PASSWORD) : sessions.get(role)!;
        // The scoped desk's pages name the demo fair, which it does not organise.
        const page = role === "scoped" ? { ...csrf, "X-Ketnoi-Event": fixture.fairSlug } : csrf;
        status = (await send(agent[method.toLowerCase() as "get"](path).set(page))).status;
      }
      got[role] = status;
    }
    const scoped = c.expect.scoped ?? (SCOPED_REFUSED.has(operation) ? 403 : c.expect.organiser);
    expect(got).toEqual({ ...c.expect, scoped });
  });
});
