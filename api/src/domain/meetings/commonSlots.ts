export interface SlotLike {
  id: string;
  start: Date;
  end: Date;
}

/**
 * Slots both companies can meet in, nearest to `near` first (earlier wins a tie): each side's
 * availability minus the times its booked meetings hold.
 */
export function commonFreeSlots<S extends SlotLike>(
  slots: S[],
  availableA: Set<string>,
  availableB: Set<string>,
  busyStarts: Set<number>,
  near?: Date,
  after?: Date,
): S[] {
  const free = slots.filter((s) => availableA.has(s.id) && availableB.has(s.id) && !busyStarts.has(s.start.getTime()) && (!after || s.start > after));
  if (!near) return free;
  const distance = (s: S) => Math.abs(s.start.getTime() - near.getTime());
  return free.sort((x, y) => distance(x) - distance(y) || x.start.getTime() - y.start.getTime());
}
