/**
 * The order in which to try a fair's tables for a meeting: first the zones of the parties' sectors
 * (visitors find a sector's meetings together), then every other table. Within a list, the start
 * rotates with the meeting id so simultaneous bookings do not all race for table 1.
 */
export function tableOrder(tables: number, zones: { from: number; to: number; sector: string }[], sectors: string[], spread: number): number[] {
  const preferred: number[] = [];
  for (const z of zones) {
    if (!sectors.includes(z.sector)) continue;
    for (let t = Math.max(1, z.from); t <= Math.min(tables, z.to); t++) if (!preferred.includes(t)) preferred.push(t);
  }
  const rest: number[] = [];
  for (let t = 1; t <= tables; t++) if (!preferred.includes(t)) rest.push(t);
  return [...rotate(preferred, spread), ...rotate(rest, spread)];
}

export function rotate<T>(list: T[], by: number): T[] {
  if (!list.length) return list;
  const k = ((by % list.length) + list.length) % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}
