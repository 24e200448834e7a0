import type { Assignment } from "./format";

/** Where a booked meeting stands before a re-plan: its slot in the plan, or none when its time is no longer a slot. */
export interface StandingPlace {
  meeting: string;
  slot: string | null;
  mode: "onsite" | "online";
  interpreter?: string | null;
  table?: number;
}

export interface ChangedPlace<P extends StandingPlace = StandingPlace> {
  meeting: string;
  from: P;
  to: Assignment;
}

export interface PlanChanges<P extends StandingPlace = StandingPlace> {
  /** Another slot, or switched between table and video. */
  moved: ChangedPlace<P>[];
  /** The same slot and mode with another interpreter or another table. */
  reassigned: ChangedPlace<P>[];
  /** Left out of the new plan (cancelled when it is published), or no longer in it at all. */
  cancelled: string[];
  /** Meetings the plan places that were not booked: requests and proposals booked when it is published. */
  placed: string[];
  /** Booked meetings exactly where they were. */
  kept: number;
}

/**
 * What a new plan changes in the booked meetings, measured from where they stand: the one
 * reckoning of the re-plan's result, the organiser's preview, what publishing does, and the
 * benchmark's counts for a re-solve from scratch.
 */
export function planChanges<P extends StandingPlace>(standing: readonly P[], assignments: readonly Assignment[]): PlanChanges<P> {
  const planned = new Map(assignments.map((a) => [a.meeting, a]));
  const booked = new Set<string>();
  const changes: PlanChanges<P> = { moved: [], reassigned: [], cancelled: [], placed: [], kept: 0 };
  for (const from of standing) {
    if (booked.has(from.meeting)) continue;
    booked.add(from.meeting);
    const to = planned.get(from.meeting);
    if (!to) changes.cancelled.push(from.meeting);
    else if (to.slot !== from.slot || to.mode !== from.mode) changes.moved.push({ meeting: from.meeting, from, to });
    else if ((to.interpreter ?? null) !== (from.interpreter ?? null) || (from.table !== undefined && to.table !== from.table))
      changes.reassigned.push({ meeting: from.meeting, from, to });
    else changes.kept++;
  }
  changes.placed = assignments.filter((a) => !booked.has(a.meeting)).map((a) => a.meeting);
  return changes;
}

/**
 * Who is told: both firms of every meeting moved, reassigned or cancelled (their agenda and
 * calendar change), and the interpreters before and after of each of those meetings.
 */
export function peopleTold<P extends StandingPlace>(
  standing: readonly P[],
  changes: Pick<PlanChanges<P>, "moved" | "reassigned" | "cancelled">,
  partiesOf: (meeting: string) => readonly string[],
) {
  const firms = new Set<string>();
  const interpreters = new Set<string>();
  const place = new Map(standing.map((p) => [p.meeting, p]));
  const tell = (meeting: string, ...who: (string | null | undefined)[]) => {
    for (const id of partiesOf(meeting)) firms.add(id);
    for (const id of who) if (id) interpreters.add(id);
  };
  for (const c of [...changes.moved, ...changes.reassigned]) tell(c.meeting, c.from.interpreter, c.to.interpreter);
  for (const id of changes.cancelled) tell(id, place.get(id)?.interpreter);
  return { firms: [...firms], interpreters: [...interpreters] };
}
