import type { CommandContext } from "../context";
import type { MeetingContext } from "../meetings/context";

/** What the fair commands work with: a change of set-up replans booked meetings, so the meeting context comes along. */
export interface FairContext extends CommandContext {
  meetings: MeetingContext;
}
