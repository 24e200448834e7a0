/**
 * The year an event of the programme counts in, everywhere (the public statistics, the report to the
 * People's Committee): the year of its last day, a local date in its own time zone. An event over
 * New Year counts once, in the year its results are complete. Null for an event with no days.
 */
export function eventYear(event: { days: readonly string[] }): number | null {
  const last = [...event.days].sort().at(-1);
  return last ? Number(last.slice(0, 4)) : null;
}
