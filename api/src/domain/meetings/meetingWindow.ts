import { MEETING_WINDOW_OPENS_MINUTES } from "@ketnoi/contracts";

export interface MeetingWindow {
  opens: Date;
  closes: Date;
}

/** The span in which a meeting can be attended: from MEETING_WINDOW_OPENS_MINUTES before its start to its end. */
export function meetingWindow(startsAt: Date, endsAt: Date): MeetingWindow {
  return { opens: new Date(startsAt.getTime() - MEETING_WINDOW_OPENS_MINUTES * 60_000), closes: endsAt };
}

export const isWithin = (w: MeetingWindow, at: Date) => at >= w.opens && at <= w.closes;
