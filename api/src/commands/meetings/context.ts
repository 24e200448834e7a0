import type { Repositories } from "../../repositories";
import type { MeetingNotifier } from "../../services/meetingNotifier";

/** What every meeting command works with. */
export interface MeetingContext {
  repos: Repositories;
  notifier: MeetingNotifier;
  now: () => Date;
  settings: MeetingSettings;
}

export interface MeetingSettings {
  /** How long a request or counter-proposal waits for an answer before it lapses. */
  requestTtlHours: number;
  /** How long before a meeting its reminder goes out. */
  reminderMinutes: number;
}
