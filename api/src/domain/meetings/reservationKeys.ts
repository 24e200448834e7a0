/**
 * Keys of the things a booked meeting holds, one unique reservation each. A slot is named by its
 * UTC start in minutes (its identity, as everywhere). Keys are only ever built, never read back:
 * what a booking chose (its table, room, interpreter) is kept on the meeting.
 */
const at = (start: Date) => String(Math.round(start.getTime() / 60_000));
/** The block a firm's time is held in (slots start and end on five-minute marks). */
const BLOCK_MS = 5 * 60_000;

export const reservationKeys = {
  /**
   * A firm's time from start to end, one key per five-minute block: a firm in two events whose slots
   * differ in length (20 minutes in the fair, 30 in an online week) cannot be booked twice for the
   * same minutes. The first block's key is the slot's start, so meetings booked before blocks (which
   * hold only that key) still collide with any meeting starting with them.
   */
  participantTime: (companyId: string, start: Date, end: Date) => {
    const keys: string[] = [];
    for (let t = start.getTime(); t < end.getTime(); t += BLOCK_MS) keys.push(`p:${companyId}:${at(new Date(t))}`);
    return keys;
  },
  table: (fairId: string, start: Date, table: number) => `t:${fairId}:${at(start)}:${table}`,
  room: (fairId: string, start: Date, room: number) => `r:${fairId}:${at(start)}:${room}`,
  interpreter: (interpreterId: string, start: Date) => `i:${interpreterId}:${at(start)}`,
  /** One live meeting per pair of companies (requested, countered or booked). */
  pair: (fairId: string, a: string, b: string) => `pair:${fairId}:${[a, b].sort().join(":")}`,
  isPair: (key: string) => key.startsWith("pair:"),
};
