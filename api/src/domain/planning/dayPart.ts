import { DateTime } from "luxon";

/** The slots of a part of the fair's day: morning starts before noon in the fair's zone, afternoon at or after. */
export function slotsForDayPart(
  slots: { id: string; start: Date }[],
  dayPart: "any" | "morning" | "afternoon",
  timeZone: string,
): string[] | undefined {
  if (dayPart === "any") return undefined;
  return slots.filter((s) => DateTime.fromJSDate(s.start, { zone: timeZone }).hour < 12 === (dayPart === "morning")).map((s) => s.id);
}
