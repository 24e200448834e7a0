import type { Instance } from "../scheduling/format";
import { spokenLanguage } from "@ketnoi/contracts";
import { languageBridge } from "../meetings/languageBridge";

export interface PlanParticipant {
  id: string;
  onsite: boolean;
  languages: string[];
  /** Slot ids it can meet in (sessions, blocks and remote working hours already applied). */
  available: string[];
}

export interface PlanInterpreter {
  id: string;
  languages: string[];
  available: string[];
}

/** A meeting the plan may place: a booked one stays in its slot; requests and proposals are free to go anywhere. */
export interface PlanMeeting {
  key: string;
  a: string;
  b: string;
  kind: "booked" | "request" | "proposal";
  value: number;
  mode: "onsite" | "online" | "either";
  /** The only slots it may take (a morning-only request). */
  slots?: string[];
  /** For a booked meeting: its slot, kept, and the interpreter it already holds there. */
  fixedSlot?: string;
  interpreter?: string;
}

export interface PlanInput {
  /** The fair's IANA zone: the plan counts its days, and so breaks and interpreters' runs, in it. */
  timeZone: string;
  slots: { id: string; start: Date; end: Date }[];
  onsiteTables: number;
  onlineRooms: number;
  participants: PlanParticipant[];
  interpreters: PlanInterpreter[];
  meetings: PlanMeeting[];
  /** The most meetings one company takes in the whole fair (the organiser's choice). */
  maxMeetingsPerCompany?: number;
  /** The most meetings an interpreter takes back to back (the organiser's choice). */
  interpreterMaxRun?: number;
}

/**
 * The fair's data as a scheduling instance (the file format of ../scheduling/format.ts). A pair with
 * no common language needs an interpreter who speaks each side's first language; a booked meeting
 * is pinned to its slot with the interpreter it already holds (taken out of that interpreter's free
 * slots, and counted in her runs of meetings back to back), so the plan works around it; a
 * proposal of a pair that already meets is left out.
 */
export function planInstance(input: PlanInput): Instance {
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const seenPairs = new Set<string>();
  const meetings: Instance["meetings"] = [];
  const order = { booked: 0, request: 1, proposal: 2 } as const;
  for (const m of [...input.meetings].sort((x, y) => order[x.kind] - order[y.kind])) {
    const a = participants.get(m.a);
    const b = participants.get(m.b);
    const pair = [m.a, m.b].sort().join(":");
    if (!a || !b || seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    // A booked meeting pinned to its slot keeps the interpreter it has: no second one is asked for
    // (one a re-plan may move needs an interpreter wherever it goes, like any request).
    const languages = m.fixedSlot ? null : languageBridge(a.languages, b.languages);
    meetings.push({
      id: m.key,
      a: m.a,
      b: m.b,
      value: m.value,
      mode: a.onsite && b.onsite ? m.mode : "online",
      ...(languages ? { languages } : {}),
      ...(m.fixedSlot ? { slots: [m.fixedSlot] } : m.slots ? { slots: m.slots } : {}),
    });
  }
  return {
    version: 1,
    timeZone: input.timeZone,
    slots: input.slots.map((s) => ({ id: s.id, start: s.start.toISOString(), end: s.end.toISOString() })),
    onsiteTables: input.onsiteTables,
    onlineRooms: input.onlineRooms,
    ...(input.interpreterMaxRun ? { interpreterMaxRun: input.interpreterMaxRun } : {}),
    interpreters: input.interpreters.map((i) => {
      const held = new Set(input.meetings.flatMap((m) => (m.kind === "booked" && m.interpreter === i.id && m.fixedSlot ? [m.fixedSlot] : [])));
      // As spoken, like the meetings' languages (languageBridge), so the solver's exact match holds.
      // Her booked meetings are not free for the plan but count in her runs (busy).
      return {
        id: i.id,
        languages: [...new Set(i.languages.map(spokenLanguage))],
        available: i.available.filter((s) => !held.has(s)),
        ...(held.size ? { busy: [...held] } : {}),
      };
    }),
    participants: input.participants.map((p) => ({
      id: p.id,
      available: p.available,
      onsite: p.onsite,
      ...(input.maxMeetingsPerCompany ? { maxMeetings: input.maxMeetingsPerCompany } : {}),
    })),
    meetings,
  };
}
