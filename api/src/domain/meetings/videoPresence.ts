import type { MeetingWindow } from "./meetingWindow";

/** Pure rules over a meeting's video-room joins and leaves (from LiveKit webhooks). */
export interface PresenceEvent {
  userId: string;
  access: string;
  companyId?: string;
  kind: "joined" | "left";
  at: Date;
}

export interface ParticipantTime {
  userId: string;
  access: string;
  companyId?: string;
  joins: number;
  seconds: number;
  present: boolean;
}

/** Who is in the room after these events (a user with several joins counts while any is open). */
export function presentNow(events: PresenceEvent[]): PresenceEvent[] {
  const open = new Map<string, { count: number; last: PresenceEvent }>();
  for (const e of sorted(events)) {
    const cur = open.get(e.userId) ?? { count: 0, last: e };
    cur.count = Math.max(0, cur.count + (e.kind === "joined" ? 1 : -1));
    if (e.kind === "joined") cur.last = e;
    open.set(e.userId, cur);
  }
  return [...open.values()].filter((o) => o.count > 0).map((o) => o.last);
}

/** Both parties are in the room: someone of each company, as a party. */
export function bothPartiesPresent(events: PresenceEvent[], requesterId: string, recipientId: string): boolean {
  const companies = new Set(
    presentNow(events)
      .filter((e) => e.access === "party")
      .map((e) => e.companyId),
  );
  return companies.has(requesterId) && companies.has(recipientId);
}

/**
 * The companies that had someone in the room as a party at some instant inside the window (up to
 * `until` when that is earlier): joins before it that were still open when it opened count, a join
 * and leave wholly before it (a test call) does not.
 */
export function partiesPresentWithin(events: PresenceEvent[], window: MeetingWindow, until: Date = window.closes): Set<string> {
  const end = until < window.closes ? until : window.closes;
  const open = new Map<string, { count: number; companyId?: string; access: string }>();
  const seen = new Set<string>();
  const look = () => {
    for (const o of open.values()) if (o.count > 0 && o.access === "party" && o.companyId) seen.add(o.companyId);
  };
  let opened = false;
  for (const e of sorted(events)) {
    if (e.at > end) break;
    if (!opened && e.at >= window.opens) {
      look();
      opened = true;
    }
    const cur = open.get(e.userId) ?? { count: 0, access: e.access, ...(e.companyId ? { companyId: e.companyId } : {}) };
    cur.count = Math.max(0, cur.count + (e.kind === "joined" ? 1 : -1));
    open.set(e.userId, cur);
    if (opened) look();
  }
  if (!opened && end >= window.opens) look();
  return seen;
}

/**
 * Both parties were in the room together at some instant inside the window (up to `until`): what
 * makes an online meeting held. Presence outside it is a test call, or talk after the end.
 */
export function togetherWithin(
  events: PresenceEvent[],
  requesterId: string,
  recipientId: string,
  window: MeetingWindow,
  until: Date = window.closes,
): boolean {
  const end = until < window.closes ? until : window.closes;
  if (end < window.opens) return false;
  const before = events.filter((e) => e.at < window.opens);
  if (bothPartiesPresent(before, requesterId, recipientId)) return true;
  const inside = sorted(events.filter((e) => e.at >= window.opens && e.at <= end));
  for (let i = 0; i < inside.length; i++) {
    if (bothPartiesPresent([...before, ...inside.slice(0, i + 1)], requesterId, recipientId)) return true;
  }
  return false;
}

/** Time each participant spent in the room, and how long both parties were there together, up to `now`. */
export function attendanceSummary(events: PresenceEvent[], requesterId: string, recipientId: string, now: Date) {
  const people = new Map<string, ParticipantTime & { openSince?: Date; open: number }>();
  let together = 0;
  let togetherSince: Date | undefined;
  const partiesIn = () => {
    const present = [...people.values()].filter((p) => p.open > 0 && p.access === "party").map((p) => p.companyId);
    return present.includes(requesterId) && present.includes(recipientId);
  };
  for (const e of sorted(events)) {
    const p = people.get(e.userId) ?? {
      userId: e.userId,
      access: e.access,
      ...(e.companyId ? { companyId: e.companyId } : {}),
      joins: 0,
      seconds: 0,
      present: false,
      open: 0,
    };
    people.set(e.userId, p);
    if (e.kind === "joined") {
      p.joins++;
      if (p.open++ === 0) p.openSince = e.at;
    } else if (p.open > 0 && --p.open === 0 && p.openSince) {
      p.seconds += (e.at.getTime() - p.openSince.getTime()) / 1000;
      delete p.openSince;
    }
    const both = partiesIn();
    if (both && !togetherSince) togetherSince = e.at;
    if (!both && togetherSince) {
      together += (e.at.getTime() - togetherSince.getTime()) / 1000;
      togetherSince = undefined;
    }
  }
  if (togetherSince) together += (now.getTime() - togetherSince.getTime()) / 1000;
  const participants = [...people.values()].map(({ openSince, open, ...p }) => ({
    ...p,
    present: open > 0,
    seconds: Math.round(p.seconds + (openSince ? (now.getTime() - openSince.getTime()) / 1000 : 0)),
  }));
  return { participants, togetherSeconds: Math.round(together) };
}

const sorted = (events: PresenceEvent[]) =>
  [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "joined" ? -1 : 1));
