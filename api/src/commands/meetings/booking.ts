import { randomBytes } from "node:crypto";
import { AppError, validationFailed } from "../../errors";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import { fairSlots, slotNamed, slotView, type Slot } from "../../domain/fairSlots";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { interpreterBridges, languageBridge } from "../../domain/meetings/languageBridge";
import { rotate, tableOrder } from "../../domain/meetings/tableOrder";
import { commonFreeSlots } from "../../domain/meetings/commonSlots";
import { availabilityOf, type CompanyAvailability } from "../companyAvailability";
import type { MeetingContext } from "./context";

/** What a booked meeting holds once its reservations are claimed. */
export interface Booking {
  slot: Slot;
  mode: "onsite" | "online";
  table?: number;
  /** The fair's numbered online room of the slot it holds, and the video room's name. */
  room?: { number: number; name: string };
  interpreter?: InterpreterRecord;
  languages?: [string, string];
  /** Every reservation claimed for this booking (the pair's only when claimed with it: `pairKey`). */
  keys: string[];
}

export interface BookingRequest {
  meetingId: string;
  fair: FairRecord;
  requester: CompanyRecord;
  recipient: CompanyRecord;
  preferredMode: "onsite" | "online" | "either";
  slot: Slot;
  /** The interpreter to try first (the one a published plan chose). */
  preferInterpreter?: string;
  /** The table to try first (the one a published plan chose, near the interpreter's other meetings). */
  preferTable?: number;
  /**
   * The reservations the meeting holds already (a new meeting its pair's; moving, it may keep its
   * time, table, room or interpreter): refusals of any other are another meeting's, with no read.
   * Without it (accepting a request), a refused claim is read to see whether an interrupted step of
   * this meeting made it.
   */
  holds?: readonly string[];
  /** A new meeting's pair (its one live meeting), claimed with the firms' time: held already, "alreadyMeeting". */
  pairKey?: string;
}

/** A table needs both sides at the fair: asking for one with a remote side is a wrong request (400), not a full room. */
export function checkModeFits(mode: BookingRequest["preferredMode"], a: CompanyRecord, b: CompanyRecord) {
  if (mode === "onsite" && (a.participation === "remote" || b.participation === "remote")) throw validationFailed({ mode: "onsiteNeedsBothThere" });
}

/** The fair's slot a request names (its start instant, or its label), or a field error. */
export function slotOf(fair: FairRecord, ref: string, field = "slot"): Slot {
  const slot = slotNamed(fair, ref);
  if (!slot) throw validationFailed({ [field]: "unknownSlot" });
  return slot;
}

/** The times the companies' booked meetings hold, in every event they take part in. */
async function busyTimes(ctx: MeetingContext, companyIds: string[], except?: string, recent = false) {
  const busy: { start: Date; end: Date }[] = [];
  const agendaOf = (id: string) => (recent ? ctx.repos.meetings.listForCompanyRecent(id) : ctx.repos.meetings.listForCompany(id));
  for (const list of await Promise.all(companyIds.map(agendaOf)))
    for (const m of list) if (m.status === "booked" && m.startsAt && m.endsAt && m.id !== except) busy.push({ start: m.startsAt, end: m.endsAt });
  return busy;
}

export interface AlternativesOptions {
  /** Nearest to this time first (soonest first without it). */
  near?: Date;
  /** A meeting whose own slot counts as free (the one being moved). */
  except?: string;
  limit?: number;
  /** Both companies' availability, when the caller has just read it. */
  availability?: Map<string, CompanyAvailability>;
  /**
   * Suggestions with a refusal: the agendas as this process read them lately will do (a slot
   * suggested is claimed like any other when taken, and refused again if it went meanwhile).
   */
  suggestions?: boolean;
}

/** Free slots both companies could take, nearest to `near` first: what a refused booking offers instead. */
export async function freeCommonSlots(ctx: MeetingContext, fair: FairRecord, a: CompanyRecord, b: CompanyRecord, o: AlternativesOptions = {}) {
  const [both, busy] = await Promise.all([
    o.availability ?? availabilityOf(ctx.repos, fair, [a, b]),
    busyTimes(ctx, [a.id, b.id], o.except, o.suggestions),
  ]);
  const starts = (id: string) =>
    new Set(
      both
        .get(id)!
        .filter((s) => s.available)
        .map((s) => s.slot.start.getTime()),
    );
  return commonFreeSlots(fairSlots(fair), starts(a.id), starts(b.id), busy, o.near, ctx.now()).slice(0, o.limit ?? 5);
}

/** The same, as the API shows slots (a refusal's alternatives, the slots to book from). */
export async function alternativeSlots(ctx: MeetingContext, fair: FairRecord, a: CompanyRecord, b: CompanyRecord, o: AlternativesOptions = {}) {
  return (await freeCommonSlots(ctx, fair, a, b, o)).map(slotView);
}

/**
 * Refuses a slot either side cannot meet in (a session, a block, outside a remote side's working
 * day). Returns both sides' availability, for the alternatives of a later refusal.
 */
export async function checkBothAvailable(ctx: MeetingContext, fair: FairRecord, a: CompanyRecord, b: CompanyRecord, slot: Slot) {
  if (slot.start <= ctx.now()) throw validationFailed({ slot: "slotInPast" });
  const availability = await availabilityOf(ctx.repos, fair, [a, b]);
  for (const [company, field] of [
    [a, "requesterUnavailable"],
    [b, "recipientUnavailable"],
  ] as const) {
    const own = availability.get(company.id)!.find((s) => s.slot.start.getTime() === slot.start.getTime());
    if (!own?.available)
      throw new AppError(
        "conflict",
        { slot: field },
        undefined,
        await alternativeSlots(ctx, fair, a, b, { near: slot.start, availability, suggestions: true }),
      );
  }
  return availability;
}

/** Where a meeting's candidate order starts (from its id): simultaneous bookings try different tables, rooms and interpreters first. */
export const spreadOf = (meetingId: string) => parseInt(meetingId.slice(-6), 16);

/** The tables to try, in order: the preferred one (a plan's), then its sectors' zone, spread by the meeting. */
export function tableCandidates(fair: FairRecord, a: CompanyRecord, b: CompanyRecord, spread: number, prefer?: number): number[] {
  const zoned = tableOrder(fair.onsiteTables, fair.tableZones, [...a.sectors, ...b.sectors], spread);
  return prefer && prefer <= fair.onsiteTables ? [prefer, ...zoned.filter((t) => t !== prefer)] : zoned;
}

/** The fair's numbered online rooms to try, in order (spread by the meeting). */
export function roomCandidates(fair: FairRecord, spread: number): number[] {
  return rotate(
    Array.from({ length: fair.onlineRoomsPerSlot }, (_, i) => i + 1),
    spread,
  );
}

/** The video room's name is unguessable: knowing a meeting exists does not let anyone in. */
export const newRoomName = () => `mtg_${randomBytes(16).toString("base64url")}`;

/** The interpreters who can bridge the two sides on the slot's day, in order: the preferred one (a plan's) first. */
export function interpreterCandidates(
  interpreters: InterpreterRecord[],
  slot: Slot,
  a: CompanyRecord,
  b: CompanyRecord,
  spread: number,
  prefer?: string,
): InterpreterRecord[] {
  const able = interpreters.filter((i) => i.availableDays.includes(slot.day) && interpreterBridges(i.languages, a.languages, b.languages));
  return rotate(able, spread).sort((x, y) => Number(y.id === prefer) - Number(x.id === prefer));
}

/**
 * Claims everything a meeting needs in a slot: both companies' time, a table (onsite) or an online
 * room, and an interpreter when the two share no language. Each is a unique reservation, so of any
 * number of simultaneous bookings that want the same thing exactly one gets it, whichever api
 * process serves it; the others are refused with 409 and free slots to try instead. Nothing is
 * left claimed when it fails.
 */
export async function claimBooking(ctx: MeetingContext, req: BookingRequest): Promise<Booking> {
  const { fair, requester, recipient, meetingId, slot } = req;
  checkModeFits(req.preferredMode, requester, recipient);
  const availability = await checkBothAvailable(ctx, fair, requester, recipient, slot);
  const { reservations } = ctx.repos;
  const claimed: string[] = [];
  const held = new Set(req.holds ?? []);
  // Other slots to try: never the one just refused. What the meeting held before stays its own (it
  // keeps its time when it only changes mode); what this call took goes back. Told what it holds,
  // every other key here was inserted by this call, so each goes by its _id alone.
  const refuse = async (field: string) => {
    const taken = claimed.filter((key) => !held.has(key));
    await (req.holds ? reservations.releaseOwnClaims(taken) : reservations.release(taken, meetingId));
    const alternatives = (
      await freeCommonSlots(ctx, fair, requester, recipient, { near: slot.start, except: meetingId, limit: 6, availability, suggestions: true })
    )
      .filter((s) => s.start.getTime() !== slot.start.getTime())
      .slice(0, 5);
    throw new AppError("conflict", { slot: field }, undefined, alternatives.map(slotView));
  };

  // Each firm's time in five-minute blocks: taken in another event's meeting too (see reservationKeys).
  const requesterTime = reservationKeys.participantTime(requester.id, slot.start, slot.end);
  const times = [...(req.pairKey ? [req.pairKey] : []), ...requesterTime, ...reservationKeys.participantTime(recipient.id, slot.start, slot.end)];
  const spread = spreadOf(meetingId);
  const bothOnsite = requester.participation === "onsite" && recipient.participation === "onsite";
  const tables =
    req.preferredMode !== "online" && bothOnsite && fair.onsiteTables > 0 ? tableCandidates(fair, requester, recipient, spread, req.preferTable) : [];
  const tableKey = (t: number) => reservationKeys.table(fair.id, slot.start, t);
  const languages = languageBridge(requester.languages, recipient.languages) ?? undefined;
  const interpreters = languages
    ? interpreterCandidates(await ctx.repos.interpreters.listForFair(fair.id), slot, requester, recipient, spread, req.preferInterpreter)
    : [];
  const interpreterKey = (i: InterpreterRecord) => reservationKeys.interpreter(i.id, slot.start);
  // The firms' time, and in the same insert the first table and interpreter to try: most bookings
  // get both, in one round trip instead of three.
  const parties = await reservations.claimAll(times, meetingId, req.holds, [tables.map(tableKey), interpreters.map(interpreterKey)]);
  if (!parties.ok && parties.taken === req.pairKey) throw new AppError("conflict", { with: "alreadyMeeting" });
  if (!parties.ok) return refuse(requesterTime.includes(parties.taken) ? "requesterBusy" : "recipientBusy");
  claimed.push(...times);
  const [t, i] = parties.firsts;
  const firstTable = t == null ? null : tables[t]!;
  const firstInterpreter = i == null ? null : interpreters[i]!;
  if (firstTable !== null) claimed.push(tableKey(firstTable));
  if (firstInterpreter !== null) claimed.push(interpreterKey(firstInterpreter));

  let mode: Booking["mode"] | undefined;
  let table: number | undefined;
  let room: Booking["room"];
  if (tables.length) {
    const got =
      firstTable !== null ? { chosen: firstTable, key: tableKey(firstTable) } : await reservations.claimFirst(tables, tableKey, meetingId, req.holds);
    if (got) {
      if (firstTable === null) claimed.push(got.key);
      mode = "onsite";
      table = got.chosen;
    }
  }
  if (!mode && req.preferredMode !== "onsite" && fair.onlineRoomsPerSlot > 0) {
    const got = await reservations.claimFirst(
      roomCandidates(fair, spread),
      (r) => reservationKeys.room(fair.id, slot.start, r),
      meetingId,
      req.holds,
    );
    if (got) {
      claimed.push(got.key);
      mode = "online";
      room = { number: got.chosen, name: newRoomName() };
    }
  }
  if (!mode) return refuse(req.preferredMode === "online" || !bothOnsite ? "noOnlineRoom" : "noTable");

  let interpreter: InterpreterRecord | undefined;
  if (languages) {
    const got =
      firstInterpreter !== null
        ? { chosen: firstInterpreter, key: interpreterKey(firstInterpreter) }
        : await reservations.claimFirst(interpreters, interpreterKey, meetingId, req.holds);
    if (!got) return refuse("noInterpreter");
    if (firstInterpreter === null) claimed.push(got.key);
    interpreter = got.chosen;
  }
  return { slot, mode, ...(table ? { table } : {}), ...(room ? { room } : {}), ...(interpreter ? { interpreter, languages } : {}), keys: claimed };
}

/** The meeting fields a booking sets. */
export function bookedFields(b: Booking) {
  return {
    status: "booked" as const,
    startsAt: b.slot.start,
    endsAt: b.slot.end,
    mode: b.mode,
    ...(b.table ? { table: b.table } : {}),
    ...(b.room ? { roomNumber: b.room.number, onlineRoom: b.room.name } : {}),
    ...(b.interpreter ? { interpreterId: b.interpreter.id, languages: b.languages } : {}),
  };
}

/** What a booked meeting moved to a new booking no longer has (a table, a room, an interpreter). */
export function droppedFields(b: Booking) {
  return [
    ...(b.table ? [] : (["table"] as const)),
    ...(b.room ? [] : (["roomNumber", "onlineRoom"] as const)),
    ...(b.interpreter ? [] : (["interpreterId", "languages"] as const)),
  ];
}
