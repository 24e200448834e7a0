/**
 * Keys of the things a booked meeting holds, one unique reservation each. A slot is named by its
 * UTC start in minutes, not its id: ids are positions in the day and move when breaks change.
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
  /** What a key names, for messages: "participant", "table", "room", "interpreter", "pair". */
  kind(key: string): "participant" | "table" | "room" | "interpreter" | "pair" {
    const prefix = key.slice(0, key.indexOf(":"));
    return ({ p: "participant", t: "table", r: "room", i: "interpreter" } as const)[prefix as "p"] ?? "pair";
  },
};
