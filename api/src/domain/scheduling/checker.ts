import type { Instance, Solution } from "./format";
import { slotDays } from "./slotDays";

/** Which rule a plan breaks, and who or what it concerns: lets a caller word the refusal for its reader. */
export interface Conflict {
  rule:
    | "meetingCount"
    | "unknown"
    | "participantUnavailable"
    | "participantBusy"
    | "maxMeetings"
    | "onsiteRemote"
    | "slotNotAllowed"
    | "mode"
    | "tables"
    | "rooms"
    | "table"
    | "noInterpreter"
    | "interpreterLanguages"
    | "interpreterUnavailable"
    | "interpreterBusy"
    | "interpreterRun"
    | "interpreterNotNeeded";
  meeting?: string;
  participant?: string;
  interpreter?: string;
  slot?: string;
}

/**
 * An independent check of a solution against every rule of the file format, written apart from the
 * solver so that neither can vouch for the other. Also counts value and breaks, and, for
 * interpreters, the runs of meetings back to back and how far they walk between tables.
 * `violations` says each broken rule in words; `conflicts` names the same rules for a caller.
 */
export function checkSolution(inst: Instance, sol: Solution) {
  const violations: string[] = [];
  const conflicts: Conflict[] = [];
  const fail = (conflict: Conflict, text: string) => {
    conflicts.push(conflict);
    violations.push(text);
  };
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  const participants = new Map(inst.participants.map((p) => [p.id, p]));
  const interpreters = new Map(inst.interpreters.map((i) => [i.id, i]));
  const meetings = new Map(inst.meetings.map((m) => [m.id, m]));

  // 1. every meeting exactly once
  const seen = new Map<string, number>();
  for (const id of [...sol.assignments.map((a) => a.meeting), ...sol.unscheduled]) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const m of inst.meetings)
    if (seen.get(m.id) !== 1) fail({ rule: "meetingCount", meeting: m.id }, `meeting ${m.id} appears ${seen.get(m.id) ?? 0} times`);
  for (const id of seen.keys()) if (!meetings.has(id)) fail({ rule: "unknown", meeting: id }, `unknown meeting ${id}`);

  const busy = new Map<string, string>();
  const counts = new Map<string, number>();
  const perSlot = new Map<string, { onsite: number; online: number }>();
  const interpreterBusy = new Set<string>();
  const tablesTaken = new Set<string>();
  const byParticipant = new Map<string, number[]>();
  /** Per interpreter, per slot index: the meeting of the plan there and its table. */
  const interpreterSlots = new Map<string, Map<number, { meeting: string; table?: number }>>();
  let value = 0;
  for (const a of sol.assignments) {
    const m = meetings.get(a.meeting);
    if (!m || !slotIndex.has(a.slot)) {
      fail({ rule: "unknown", meeting: a.meeting, slot: a.slot }, `assignment ${a.meeting} to unknown meeting or slot ${a.slot}`);
      continue;
    }
    value += m.value;
    for (const pid of [m.a, m.b]) {
      const p = participants.get(pid);
      // 2. availability
      if (!p?.available.includes(a.slot))
        fail({ rule: "participantUnavailable", meeting: m.id, participant: pid, slot: a.slot }, `${m.id}: ${pid} is not available in ${a.slot}`);
      // 3. one meeting per slot, at most maxMeetings
      const key = `${pid}@${a.slot}`;
      const other = busy.get(key);
      if (other !== undefined)
        fail({ rule: "participantBusy", meeting: m.id, participant: pid, slot: a.slot }, `${pid} has two meetings in ${a.slot} (${other}, ${m.id})`);
      busy.set(key, m.id);
      counts.set(pid, (counts.get(pid) ?? 0) + 1);
      byParticipant.set(pid, [...(byParticipant.get(pid) ?? []), slotIndex.get(a.slot)!]);
      // 4. onsite needs both onsite
      if (a.mode === "onsite" && p && !p.onsite)
        fail({ rule: "onsiteRemote", meeting: m.id, participant: pid }, `${m.id}: onsite with remote ${pid}`);
    }
    if (m.slots && !m.slots.includes(a.slot))
      fail({ rule: "slotNotAllowed", meeting: m.id, slot: a.slot }, `${m.id}: slot ${a.slot} not allowed for the meeting`);
    if (m.mode !== "either" && m.mode !== a.mode) fail({ rule: "mode", meeting: m.id }, `${m.id}: mode ${a.mode} but the meeting is ${m.mode}`);
    // 5. capacity per slot, and a named table at most once per slot
    const c = perSlot.get(a.slot) ?? { onsite: 0, online: 0 };
    c[a.mode]++;
    perSlot.set(a.slot, c);
    if (a.table !== undefined) {
      const key = `${a.table}@${a.slot}`;
      if (a.mode !== "onsite" || !Number.isInteger(a.table) || a.table < 1 || a.table > inst.onsiteTables || tablesTaken.has(key)) {
        fail({ rule: "table", meeting: m.id, slot: a.slot }, `${m.id}: table ${a.table} is not a free table for an onsite meeting in ${a.slot}`);
      }
      tablesTaken.add(key);
    }
    // 6. interpreters
    if (m.languages) {
      const i = a.interpreter ? interpreters.get(a.interpreter) : undefined;
      if (!i) fail({ rule: "noInterpreter", meeting: m.id, slot: a.slot }, `${m.id}: needs an interpreter`);
      else {
        if (!m.languages.every((l) => i.languages.includes(l)))
          fail({ rule: "interpreterLanguages", meeting: m.id, interpreter: i.id }, `${m.id}: ${i.id} does not speak ${m.languages.join("+")}`);
        if (!i.available.includes(a.slot) || i.busy?.includes(a.slot))
          fail({ rule: "interpreterUnavailable", meeting: m.id, interpreter: i.id, slot: a.slot }, `${m.id}: ${i.id} not available in ${a.slot}`);
        const key = `${i.id}@${a.slot}`;
        if (interpreterBusy.has(key))
          fail({ rule: "interpreterBusy", meeting: m.id, interpreter: i.id, slot: a.slot }, `${i.id} has two meetings in ${a.slot}`);
        interpreterBusy.add(key);
        if (!interpreterSlots.has(i.id)) interpreterSlots.set(i.id, new Map());
        interpreterSlots.get(i.id)!.set(slotIndex.get(a.slot)!, { meeting: m.id, ...(a.table !== undefined ? { table: a.table } : {}) });
      }
    } else if (a.interpreter) fail({ rule: "interpreterNotNeeded", meeting: m.id }, `${m.id}: an interpreter where none is needed`);
  }
  for (const [pid, n] of counts) {
    const max = participants.get(pid)?.maxMeetings;
    if (max !== undefined && n > max) fail({ rule: "maxMeetings", participant: pid }, `${pid} has ${n} meetings, more than ${max}`);
  }
  for (const [slot, c] of perSlot) {
    if (c.onsite > inst.onsiteTables) fail({ rule: "tables", slot }, `${slot}: ${c.onsite} onsite meetings for ${inst.onsiteTables} tables`);
    if (c.online > inst.onlineRooms) fail({ rule: "rooms", slot }, `${slot}: ${c.online} online meetings for ${inst.onlineRooms} rooms`);
  }

  // Breaks: idle runs between consecutive meetings of a participant on the same day (of the fair's zone).
  const dayOf = slotDays(inst);
  let breaks = 0;
  for (const indices of byParticipant.values()) {
    const sorted = [...indices].sort((x, y) => x - y);
    for (let k = 1; k < sorted.length; k++) {
      if (dayOf[sorted[k]!] === dayOf[sorted[k - 1]!] && sorted[k]! - sorted[k - 1]! > 1) breaks++;
    }
  }

  // 7. Interpreters' runs: meetings in slots that follow one another without a gap on one day
  // (meetings booked before the plan, `busy`, count too); none longer than interpreterMaxRun when
  // it holds a meeting of the plan. And the walk between the tables of two such meetings.
  const follows = inst.slots.map((s, i) => i > 0 && dayOf[i] === dayOf[i - 1] && Date.parse(s.start) === Date.parse(inst.slots[i - 1]!.end));
  const limit = inst.interpreterMaxRun;
  let longestRun = 0;
  let runsAtCap = 0;
  let walks = 0;
  let walked = 0;
  for (const it of inst.interpreters) {
    const planned = interpreterSlots.get(it.id) ?? new Map<number, { meeting: string; table?: number }>();
    const booked = new Set((it.busy ?? []).map((s) => slotIndex.get(s)));
    let run: number[] = [];
    const endRun = () => {
      const mine = run.filter((s) => planned.has(s));
      if (mine.length) {
        longestRun = Math.max(longestRun, run.length);
        if (limit !== undefined && run.length === limit) runsAtCap++;
        if (limit !== undefined && run.length > limit) {
          const first = planned.get(mine[0]!)!.meeting;
          fail(
            { rule: "interpreterRun", meeting: first, interpreter: it.id, slot: inst.slots[mine[0]!]!.id },
            `${it.id} has ${run.length} meetings in a row from ${inst.slots[run[0]!]!.id}, more than ${limit}`,
          );
        }
      }
      run = [];
    };
    for (let s = 0; s < inst.slots.length; s++) {
      if (!planned.has(s) && !booked.has(s)) {
        endRun();
        continue;
      }
      if (run.length && !follows[s]) endRun();
      const before = planned.get(s - 1)?.table;
      const now = planned.get(s)?.table;
      if (run.length && before !== undefined && now !== undefined) {
        walks++;
        walked += Math.abs(now - before);
      }
      run.push(s);
    }
    endRun();
  }
  return {
    feasible: violations.length === 0,
    violations,
    conflicts,
    value,
    breaks,
    interpreters: {
      /** The longest run of meetings back to back of any interpreter (with one of the plan's in it). */
      longestRun,
      /** Runs exactly as long as interpreterMaxRun allows (0 without a limit). */
      runsAtCap,
      /** Average table distance (|difference of table numbers|) between an interpreter's back-to-back onsite meetings with tables; null when there are none. */
      averageTableDistance: walks ? Math.round((walked / walks) * 1000) / 1000 : null,
      tableSteps: walks,
    },
  };
}
