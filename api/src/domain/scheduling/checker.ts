import { DateTime } from "luxon";
import type { Instance, Solution } from "./format";

/**
 * An independent check of a solution against every rule of the file format, written apart from the
 * solver so that neither can vouch for the other. Also counts value and breaks.
 */
export function checkSolution(inst: Instance, sol: Solution, timeZone = "Asia/Ho_Chi_Minh") {
  const violations: string[] = [];
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  const participants = new Map(inst.participants.map((p) => [p.id, p]));
  const interpreters = new Map(inst.interpreters.map((i) => [i.id, i]));
  const meetings = new Map(inst.meetings.map((m) => [m.id, m]));

  // 1. every meeting exactly once
  const seen = new Map<string, number>();
  for (const id of [...sol.assignments.map((a) => a.meeting), ...sol.unscheduled]) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const m of inst.meetings) if (seen.get(m.id) !== 1) violations.push(`meeting ${m.id} appears ${seen.get(m.id) ?? 0} times`);
  for (const id of seen.keys()) if (!meetings.has(id)) violations.push(`unknown meeting ${id}`);

  const busy = new Set<string>();
  const counts = new Map<string, number>();
  const perSlot = new Map<string, { onsite: number; online: number }>();
  const interpreterBusy = new Set<string>();
  const byParticipant = new Map<string, number[]>();
  let value = 0;
  for (const a of sol.assignments) {
    const m = meetings.get(a.meeting);
    if (!m || !slotIndex.has(a.slot)) {
      violations.push(`assignment ${a.meeting} to unknown meeting or slot ${a.slot}`);
      continue;
    }
    value += m.value;
    for (const pid of [m.a, m.b]) {
      const p = participants.get(pid);
      // 2. availability
      if (!p || !p.available.includes(a.slot)) violations.push(`${m.id}: ${pid} is not available in ${a.slot}`);
      // 3. one meeting per slot, at most maxMeetings
      const key = `${pid}@${a.slot}`;
      if (busy.has(key)) violations.push(`${pid} has two meetings in ${a.slot}`);
      busy.add(key);
      counts.set(pid, (counts.get(pid) ?? 0) + 1);
      byParticipant.set(pid, [...(byParticipant.get(pid) ?? []), slotIndex.get(a.slot)!]);
      // 4. onsite needs both onsite
      if (a.mode === "onsite" && p && !p.onsite) violations.push(`${m.id}: onsite with remote ${pid}`);
    }
    if (m.slots && !m.slots.includes(a.slot)) violations.push(`${m.id}: slot ${a.slot} not allowed for the meeting`);
    if (m.mode !== "either" && m.mode !== a.mode) violations.push(`${m.id}: mode ${a.mode} but the meeting is ${m.mode}`);
    // 5. capacity per slot
    const c = perSlot.get(a.slot) ?? { onsite: 0, online: 0 };
    c[a.mode]++;
    perSlot.set(a.slot, c);
    // 6. interpreters
    if (m.languages) {
      const i = a.interpreter ? interpreters.get(a.interpreter) : undefined;
      if (!i) violations.push(`${m.id}: needs an interpreter`);
      else {
        if (!m.languages.every((l) => i.languages.includes(l))) violations.push(`${m.id}: ${i.id} does not speak ${m.languages.join("+")}`);
        if (!i.available.includes(a.slot)) violations.push(`${m.id}: ${i.id} not available in ${a.slot}`);
        const key = `${i.id}@${a.slot}`;
        if (interpreterBusy.has(key)) violations.push(`${i.id} has two meetings in ${a.slot}`);
        interpreterBusy.add(key);
      }
    } else if (a.interpreter) violations.push(`${m.id}: an interpreter where none is needed`);
  }
  for (const [pid, n] of counts) {
    const max = participants.get(pid)?.maxMeetings;
    if (max !== undefined && n > max) violations.push(`${pid} has ${n} meetings, more than ${max}`);
  }
  for (const [slot, c] of perSlot) {
    if (c.onsite > inst.onsiteTables) violations.push(`${slot}: ${c.onsite} onsite meetings for ${inst.onsiteTables} tables`);
    if (c.online > inst.onlineRooms) violations.push(`${slot}: ${c.online} online meetings for ${inst.onlineRooms} rooms`);
  }

  // Breaks: idle runs between consecutive meetings of a participant on the same day.
  const dayOf = inst.slots.map((s) => DateTime.fromISO(s.start).setZone(timeZone).toISODate());
  let breaks = 0;
  for (const indices of byParticipant.values()) {
    const sorted = [...indices].sort((x, y) => x - y);
    for (let k = 1; k < sorted.length; k++) {
      if (dayOf[sorted[k]!] === dayOf[sorted[k - 1]!] && sorted[k]! - sorted[k - 1]! > 1) breaks++;
    }
  }
  return { feasible: violations.length === 0, violations, value, breaks };
}
