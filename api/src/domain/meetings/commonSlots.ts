export interface SlotLike {
  start: Date;
  end: Date;
}

/**
 * Slots both companies can meet in, nearest to `near` first (earlier wins a tie): each side's
 * availability (starts, in ms) minus the times its booked meetings hold (in any event: a meeting of
 * an online week with 30-minute slots takes the fair's 20-minute slots it overlaps).
 */
export function commonFreeSlots<S extends SlotLike>(
  slots: readonly S[],
  availableA: Set<number>,
  availableB: Set<number>,
  busy: readonly SlotLike[],
  near?: Date,
  after?: Date,
): S[] {
  const free = slots.filter((s) => {
    const at = s.start.getTime();
    const overlaps = busy.some((b) => b.start < s.end && s.start < b.end);
    return availableA.has(at) && availableB.has(at) && !overlaps && (!after || s.start > after);
  });
  if (!near) return free;
  const distance = (s: S) => Math.abs(s.start.getTime() - near.getTime());
  return free.sort((x, y) => distance(x) - distance(y) || x.start.getTime() - y.start.getTime());
}
