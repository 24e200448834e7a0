/**
 * Keys of the things a booked meeting holds, one unique reservation each. A slot is named by its
 * UTC start in minutes (its identity, as everywhere). Keys are only ever built, never read back:
 * what a booking chose (its table, room, interpreter) is kept on the meeting.
 */
const at = (start: Date) => String(Math.round(start.getTime() / 60_000));

export const reservationKeys = {
  participant: (companyId: string, start: Date) => `p:${companyId}:${at(start)}`,
  table: (fairId: string, start: Date, table: number) => `t:${fairId}:${at(start)}:${table}`,
  room: (fairId: string, start: Date, room: number) => `r:${fairId}:${at(start)}:${room}`,
  interpreter: (interpreterId: string, start: Date) => `i:${interpreterId}:${at(start)}`,
  /** One live meeting per pair of companies (requested, countered or booked). */
  pair: (fairId: string, a: string, b: string) => `pair:${fairId}:${[a, b].sort().join(":")}`,
  isPair: (key: string) => key.startsWith("pair:"),
};
