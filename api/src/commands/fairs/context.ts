import type { CommandContext } from "../context";
import type { MeetingContext } from "../meetings/context";
import type { DirectoryService } from "../../services/directory";

/**
 * What the fair commands work with: a change of set-up replans booked meetings, so the meeting
 * context comes along; a fair's figures come from the directory.
 */
export interface FairContext extends CommandContext {
  meetings: MeetingContext;
  directory: DirectoryService;
}
