import type { Assignment, Instance, Solution } from "../scheduling/format";
import { checkSolution, type Conflict } from "../scheduling/checker";
import { assignTables } from "../scheduling/tables";
import { interpreterRunFits } from "./interpreterRun";

/** Why a meeting of a plan cannot go to a slot (each names who, where it is someone). */
export type SlotBlock =
  | { code: "current" }
  | { code: "booked" }
  | { code: "notWished" }
  | { code: "partyUnavailable"; party: string }
  | { code: "partyBusy"; party: string; with?: string }
  | { code: "partyCap"; party: string }
  | { code: "noTable" }
  | { code: "noRoom" }
  | { code: "noInterpreter" }
  | { code: "interpreterRun" };

/** A reason as the organiser reads it: a side's unavailability said as the fair knows it (its working hours, a session, a slot it blocked). */
export type SlotReason = { code: SlotBlock["code"] | "partyOutsideHours" | "partySession" | "partyBlocked"; party?: string; with?: string };

export interface MoveOption {
  slot: string;
  feasible: boolean;
  /** Where it would sit (feasible slots): its mode and interpreter. */
  placement?: Assignment;
  /** The plan after the move, tables named again (feasible slots). */
  solution?: Solution;
  reasons: SlotBlock[];
}

/**
 * For one meeting of a plan, every slot it could be moved to and, for each, whether it can go there
 * and why not: a side unavailable or busy then, at its cap, no table or online room, no interpreter
 * who speaks the pair free, or the free ones would work too long in a row. A move may hand another
 * meeting of that slot to another free interpreter or switch an "either" meeting between table and
 * video room, as the solver does (it costs that meeting nothing). A slot is feasible only when the
 * independent checker accepts the whole plan after the move. `booked`: the meeting is already
 * booked (it stays; publishing does not move booked meetings).
 */
export function moveOptions(inst: Instance, sol: Solution, meetingKey: string, options: MoveContext = {}): MoveOption[] {
  return inst.slots.map((s) => planMove(inst, sol, meetingKey, s.id, options));
}

/** What the plan alone does not say: the meeting is booked already; tables booked meetings hold. */
export interface MoveContext {
  booked?: boolean;
  fixedTables?: ReadonlyMap<string, number>;
}

/** One slot of moveOptions. */
export function planMove(
  inst: Instance,
  sol: Solution,
  meetingKey: string,
  slot: string,
  { booked = false, fixedTables }: MoveContext = {},
): MoveOption {
  const m = inst.meetings.find((x) => x.id === meetingKey);
  if (!m) throw new Error(`unknown meeting ${meetingKey}`);
  const current = sol.assignments.find((a) => a.meeting === meetingKey);
  if (current?.slot === slot) return { slot, feasible: false, reasons: [{ code: "current" }] };
  if (booked) return { slot, feasible: false, reasons: [{ code: "booked" }] };
  const reasons: SlotBlock[] = [];
  if (m.slots && !m.slots.includes(slot)) reasons.push({ code: "notWished" });

  const others = sol.assignments.filter((a) => a.meeting !== meetingKey);
  const byMeeting = new Map(inst.meetings.map((x) => [x.id, x]));
  const participants = new Map(inst.participants.map((p) => [p.id, p]));
  const here = others.filter((a) => a.slot === slot);
  for (const party of [m.a, m.b]) {
    const p = participants.get(party);
    if (!p?.available.includes(slot)) reasons.push({ code: "partyUnavailable", party });
    const clash = here.find((a) => [byMeeting.get(a.meeting)?.a, byMeeting.get(a.meeting)?.b].includes(party));
    if (clash) {
      const other = byMeeting.get(clash.meeting)!;
      reasons.push({ code: "partyBusy", party, with: other.a === party ? other.b : other.a });
    }
    if (
      !current &&
      p?.maxMeetings !== undefined &&
      others.filter((a) => [byMeeting.get(a.meeting)?.a, byMeeting.get(a.meeting)?.b].includes(party)).length >= p.maxMeetings
    ) {
      reasons.push({ code: "partyCap", party });
    }
  }

  // Resources in the slot: a table or room (switching an "either" meeting there if need be), an interpreter.
  const changed = new Map<string, Assignment>(here.map((a) => [a.meeting, a]));
  const bothOnsite = participants.get(m.a)?.onsite && participants.get(m.b)?.onsite;
  const canOnsite = m.mode !== "online" && !!bothOnsite;
  const canOnline = m.mode !== "onsite";
  const used = (mode: "onsite" | "online") => [...changed.values()].filter((a) => a.mode === mode).length;
  const capacity = { onsite: inst.onsiteTables, online: inst.onlineRooms };
  const other = (mode: "onsite" | "online") => (mode === "onsite" ? "online" : "onsite");
  /** A mode with room, freeing one by switching an "either" meeting there to the other mode when that has room. */
  const roomFor = (mode: "onsite" | "online") => {
    if (used(mode) < capacity[mode]) return true;
    if (used(other(mode)) >= capacity[other(mode)]) return false;
    const flexible = [...changed.values()].find((a) => {
      const x = byMeeting.get(a.meeting)!;
      return a.mode === mode && x.mode === "either" && (mode === "online" || (participants.get(x.a)?.onsite && participants.get(x.b)?.onsite));
    });
    if (!flexible) return false;
    changed.set(flexible.meeting, { ...flexible, mode: other(mode) }); // (tables are named again below)
    return true;
  };
  const order: ("onsite" | "online")[] = current?.mode === "online" ? ["online", "onsite"] : ["onsite", "online"];
  const mode = order.find((x) => (x === "onsite" ? canOnsite : canOnline) && roomFor(x));
  if (!mode) reasons.push(canOnsite && !canOnline ? { code: "noTable" } : { code: "noRoom" });

  let interpreter: string | undefined;
  if (m.languages) {
    const speaks = (langs: readonly string[]) => inst.interpreters.filter((i) => langs.every((l) => i.languages.includes(l)));
    const working = (id: string) => new Set(others.filter((a) => a.interpreter === id && a.meeting !== meetingKey).map((a) => a.slot));
    const runOk = (id: string) => interpreterRunFits(inst, id, slot, working(id));
    const holder = (id: string) => [...changed.values()].find((a) => a.interpreter === id);
    const eligible = speaks(m.languages).filter((i) => i.available.includes(slot) && !i.busy?.includes(slot));
    interpreter = eligible.find((i) => !holder(i.id) && runOk(i.id))?.id;
    if (!interpreter) {
      // Hand a meeting of this slot over to another free interpreter who speaks its pair.
      for (const i of eligible) {
        const c = holder(i.id);
        if (!c || !runOk(i.id)) continue;
        const langs = byMeeting.get(c.meeting)!.languages!;
        const j = speaks(langs).find(
          (x) =>
            x.id !== i.id &&
            x.available.includes(slot) &&
            !x.busy?.includes(slot) &&
            !holder(x.id) &&
            interpreterRunFits(inst, x.id, slot, working(x.id)),
        );
        if (j) {
          changed.set(c.meeting, { ...c, interpreter: j.id });
          interpreter = i.id;
          break;
        }
      }
    }
    // Someone free then who would work too long in a row, or nobody free at all.
    if (!interpreter) reasons.push(eligible.some((i) => !holder(i.id) && !runOk(i.id)) ? { code: "interpreterRun" } : { code: "noInterpreter" });
  }
  if (reasons.length || !mode) return { slot, feasible: false, reasons };

  const placement: Assignment = { meeting: meetingKey, slot, mode, ...(interpreter ? { interpreter } : {}) };
  const moved = [...others.filter((a) => !changed.has(a.meeting)), ...changed.values(), placement];
  const solution = assignTables(
    inst,
    {
      ...sol,
      assignments: moved,
      unscheduled: sol.unscheduled.filter((id) => id !== meetingKey),
      value: Math.round(moved.reduce((sum, a) => sum + (byMeeting.get(a.meeting)?.value ?? 0), 0) * 1000) / 1000,
    },
    fixedTables,
  );
  const check = checkSolution(inst, solution);
  if (!check.feasible) return { slot, feasible: false, reasons: check.conflicts.map(blockOf) };
  return { slot, feasible: true, placement: solution.assignments.find((a) => a.meeting === meetingKey)!, solution, reasons: [] };
}

/** A rule the checker found broken, as a reason a slot is not offered (kept for what the rules above might miss). */
export function blockOf(c: Conflict): SlotBlock {
  switch (c.rule) {
    case "participantUnavailable":
    case "onsiteRemote":
      return { code: "partyUnavailable", party: c.participant! };
    case "participantBusy":
      return { code: "partyBusy", party: c.participant! };
    case "maxMeetings":
      return { code: "partyCap", party: c.participant! };
    case "slotNotAllowed":
      return { code: "notWished" };
    case "tables":
    case "table":
      return { code: "noTable" };
    case "rooms":
    case "mode":
      return { code: "noRoom" };
    case "interpreterRun":
      return { code: "interpreterRun" };
    default:
      return { code: "noInterpreter" };
  }
}
