import { randomBytes } from "node:crypto";
import type { FairRecord } from "../../repositories/fairRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import type { PlanSource } from "../../repositories/schedulePlanRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { Assignment } from "../../domain/scheduling/format";
import type { Slot } from "../../domain/fairSlots";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { languageBridge } from "../../domain/meetings/languageBridge";
import { availabilityOf, type CompanyAvailability } from "../companyAvailability";
import {
  bookedFields,
  checkModeFits,
  interpreterCandidates,
  newRoomName,
  roomCandidates,
  spreadOf,
  tableCandidates,
  type Booking,
} from "../meetings/booking";
import { statusNow } from "../meetings/loadMeeting";
import { onlyInEvent } from "../events/eventInContext";
import type { SchedulerContext } from "./context";

/**
 * Meetings prepared and claimed together (a few inserts each for the reservations, meetings and
 * events): about twenty batches to a plan, so the organiser's page sees it going, within bounds.
 */
const batchSizeFor = (total: number) => Math.min(250, Math.max(10, Math.ceil(total / 20)));

export interface Planned {
  a: Assignment;
  source: PlanSource;
}

/**
 * What a booking of the plan tries first: the plan's interpreter, and the plan's table when she has
 * one (the tables that keep her walks short); other meetings take tables in their sectors' zone.
 */
export function plannedPreferences(a: Assignment): { preferInterpreter?: string; preferTable?: number } {
  return {
    ...(a.interpreter ? { preferInterpreter: a.interpreter } : {}),
    ...(a.interpreter && a.table ? { preferTable: a.table } : {}),
  };
}

/** What a whole plan's bookings read once, instead of once per meeting. */
export interface PlanWorld {
  companies: Map<string, CompanyRecord>;
  requests: Map<string, MeetingRecord>;
  availability: Map<string, CompanyAvailability>;
  interpreters: InterpreterRecord[];
}

export async function loadPlanWorld(ctx: SchedulerContext, fair: FairRecord, planned: Planned[]): Promise<PlanWorld> {
  const { repos } = ctx;
  const companyIds = [...new Set(planned.flatMap(({ source }) => [source.a, source.b]))];
  const requestIds = planned.flatMap(({ source }) => (source.kind === "request" && source.meetingId ? [source.meetingId] : []));
  const [stored, requests, interpreters] = await Promise.all([
    repos.companies.findByIds(companyIds),
    repos.meetings.findByIds(requestIds),
    repos.interpreters.listForFair(fair.id),
  ]);
  const companies = await onlyInEvent(ctx, fair.id, stored);
  return {
    companies: new Map(companies.map((c) => [c.id, c])),
    requests: new Map(requests.map((m) => [m.id, m])),
    availability: await availabilityOf(repos, fair, companies),
    interpreters,
  };
}

/** A planned meeting the batch books as planned: the meeting it becomes and every key it claims. */
interface Ready extends Planned {
  id: string;
  request?: MeetingRecord;
  requester: CompanyRecord;
  recipient: CompanyRecord;
  booking: Booking;
  /** The booking's keys, and a new meeting's pair key. */
  claims: string[];
}

/**
 * Books, as planned and without a round trip per meeting, what needs no decision a database answer
 * could change: both sides free in the slot (as read once), and a table or room and an interpreter
 * no other meeting of this batch takes (first in each meeting's own candidate order, as a single
 * booking would try them). What needs more (a side busy, no free table in the plan's order, a key
 * held by a meeting outside the plan) is handed back to be booked one by one, which finds the
 * alternatives or the reason it cannot be. Returns the ones booked and the ones handed back.
 */
export async function bookAsPlanned(
  ctx: SchedulerContext,
  user: UserRecord,
  fair: FairRecord,
  world: PlanWorld,
  slotOf: (a: Assignment) => Slot | undefined,
  planned: Planned[],
  onProgress: (booked: number) => Promise<void>,
): Promise<{ booked: Planned[]; oneByOne: Planned[] }> {
  const taken = new Set<string>();
  const booked: Planned[] = [];
  const oneByOne: Planned[] = [];
  const size = batchSizeFor(planned.length);
  for (let i = 0; i < planned.length; i += size) {
    const ready: Ready[] = [];
    for (const p of planned.slice(i, i + size)) {
      const r = prepare(ctx, fair, world, slotOf, p, taken);
      if (r) {
        ready.push(r);
        for (const key of r.claims) taken.add(key);
      } else oneByOne.push(p);
    }
    const done = await bookBatch(ctx, user, fair, ready);
    booked.push(...done);
    oneByOne.push(...ready.filter((r) => !done.includes(r)));
    await onProgress(booked.length);
  }
  return { booked, oneByOne };
}

/** Claims a batch's keys in a few inserts, then writes its meetings; returns the ones booked. */
async function bookBatch(ctx: SchedulerContext, user: UserRecord, fair: FairRecord, ready: Ready[]): Promise<Ready[]> {
  const { repos } = ctx;
  const lost = await repos.reservations.claimEach(ready.map((r) => ({ meetingId: r.id, keys: r.claims })));
  const won = ready.filter((r) => !lost.has(r.id));
  await repos.meetings.createMany(
    won.filter((r) => !r.request).map((r) => ({ id: r.id, fields: scheduledMeetingFields(user, fair, r.source, r.booking, r.claims) })),
    user.id,
  );
  const requests = won.filter((r) => r.request);
  const stale = await repos.meetings.changeEach(
    requests.map((r) => ({
      meeting: r.request!,
      change: {
        set: { ...bookedFields(r.booking), reservationKeys: [...r.request!.reservationKeys, ...r.claims] },
        unset: ["proposal", "expiresAt"],
      },
    })),
    "scheduled",
    user.id,
  );
  // Changed meanwhile by someone else: its claims go back, and the one-by-one path says why.
  for (const r of requests.filter((r) => stale.has(r.id))) await repos.reservations.release(r.claims, r.id);
  return won.filter((r) => !stale.has(r.id));
}

function prepare(
  ctx: SchedulerContext,
  fair: FairRecord,
  world: PlanWorld,
  slotOf: (a: Assignment) => Slot | undefined,
  { a, source }: Planned,
  taken: Set<string>,
): Ready | null {
  const requester = world.companies.get(source.a);
  const recipient = world.companies.get(source.b);
  const request = source.kind === "request" ? world.requests.get(source.meetingId ?? "") : undefined;
  const slot = slotOf(a);
  if (!requester || !recipient || !slot || slot.start <= ctx.now()) return null;
  if (source.kind === "request" && (!request || !["requested", "countered"].includes(statusNow(ctx, request)))) return null;
  try {
    checkModeFits(a.mode, requester, recipient);
  } catch {
    return null;
  }
  const free = (c: CompanyRecord) => world.availability.get(c.id)?.find((s) => s.slot.start.getTime() === slot.start.getTime())?.available;
  if (!free(requester) || !free(recipient)) return null;
  const id = request?.id ?? ctx.repos.meetings.newId();
  const prefer = plannedPreferences(a);
  const spread = spreadOf(id);
  const times = [requester, recipient].flatMap((c) => reservationKeys.participantTime(c.id, slot.start, slot.end));
  if (times.some((k) => taken.has(k))) return null;
  const firstFree = <T>(candidates: T[], keyOf: (c: T) => string) => candidates.find((c) => !taken.has(keyOf(c)));

  let booking: Omit<Booking, "keys"> | undefined;
  let resourceKey = "";
  const bothOnsite = requester.participation === "onsite" && recipient.participation === "onsite";
  if (a.mode !== "online" && bothOnsite && fair.onsiteTables > 0) {
    const tableKey = (t: number) => reservationKeys.table(fair.id, slot.start, t);
    const table = firstFree(tableCandidates(fair, requester, recipient, spread, prefer.preferTable), tableKey);
    if (table) [booking, resourceKey] = [{ slot, mode: "onsite", table }, tableKey(table)];
  }
  if (!booking && a.mode !== "onsite" && fair.onlineRoomsPerSlot > 0) {
    const roomKey = (r: number) => reservationKeys.room(fair.id, slot.start, r);
    const room = firstFree(roomCandidates(fair, spread), roomKey);
    if (room) [booking, resourceKey] = [{ slot, mode: "online", room: { number: room, name: newRoomName() } }, roomKey(room)];
  }
  if (!booking) return null;
  const keys = [...times, resourceKey];
  const languages = languageBridge(requester.languages, recipient.languages) ?? undefined;
  if (languages) {
    const interpreterKey = (i: InterpreterRecord) => reservationKeys.interpreter(i.id, slot.start);
    const interpreter = firstFree(
      interpreterCandidates(world.interpreters, slot, requester, recipient, spread, prefer.preferInterpreter),
      interpreterKey,
    );
    if (!interpreter) return null;
    booking = { ...booking, interpreter, languages };
    keys.push(interpreterKey(interpreter));
  }
  const claims = request ? keys : [reservationKeys.pair(fair.id, source.a, source.b), ...keys];
  return { a, source, id, requester, recipient, booking: { ...booking, keys }, claims, ...(request ? { request } : {}) };
}

/** A proposal the plan books becomes a meeting the scheduler made, holding `keys` (its pair's among them). */
export function scheduledMeetingFields(user: UserRecord, fair: FairRecord, source: PlanSource, booking: Booking, keys: string[]) {
  return {
    fairId: fair.id,
    requesterId: source.a,
    recipientId: source.b,
    parties: [source.a, source.b],
    requestedBy: user.id,
    source: "scheduler" as const,
    message: "",
    preferredMode: "either" as const,
    dayPart: "any" as const,
    ...bookedFields(booking),
    reservationKeys: keys,
    sequence: 0,
    outcomes: [],
    absent: [],
    checkInCode: randomBytes(18).toString("base64url"),
  };
}
