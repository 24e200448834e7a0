import type { Connection } from "mongoose";
import { taxonomyTermSchema } from "./taxonomyTerm";
import { fairSchema } from "./fair";
import { companySchema } from "./company";
import { userSchema } from "./user";
import { interpreterSchema } from "./interpreter";
import { fairSessionSchema } from "./fairSession";
import { sessionSchema } from "./session";
import { oneTimeTokenSchema } from "./oneTimeToken";
import { outboxMessageSchema } from "./outboxMessage";
import { agendaRevisionSchema, revisionSchema } from "./revision";
import { sessionRegistrationSchema } from "./sessionRegistration";
import { invitationSchema } from "./invitation";
import { attachmentChunkSchema, attachmentSchema } from "./attachment";
import { meetingSchema } from "./meeting";
import { meetingEventSchema } from "./meetingEvent";
import { reservationSchema } from "./reservation";
import { notificationSchema } from "./notification";
import { calendarFeedSchema } from "./calendarFeed";
import { boothAdmissionSchema, boothChatMessageSchema, boothQueueEntrySchema } from "./booth";
import { videoAttendanceSchema } from "./videoAttendance";
import { planPublicationSchema, schedulePlanSchema } from "./schedulePlan";
import { matchFeedbackSchema } from "./matchFeedback";
import { auditEntrySchema } from "./auditEntry";
import { loginFailureSchema } from "./loginFailure";
import { pendingRegistrationSchema } from "./pendingRegistration";
import { badgeSchema } from "./badge";
import { leadSchema } from "./lead";
import { participationSchema } from "./participation";
import { programmeTargetsSchema } from "./programmeTargets";

export function registerModels(connection: Connection) {
  return {
    TaxonomyTerm: connection.model("TaxonomyTerm", taxonomyTermSchema),
    Fair: connection.model("Fair", fairSchema),
    Company: connection.model("Company", companySchema),
    User: connection.model("User", userSchema),
    Interpreter: connection.model("Interpreter", interpreterSchema),
    FairSession: connection.model("FairSession", fairSessionSchema),
    Session: connection.model("Session", sessionSchema),
    OneTimeToken: connection.model("OneTimeToken", oneTimeTokenSchema),
    OutboxMessage: connection.model("OutboxMessage", outboxMessageSchema),
    Revision: connection.model("Revision", revisionSchema),
    AgendaRevision: connection.model("AgendaRevision", agendaRevisionSchema),
    SessionRegistration: connection.model("SessionRegistration", sessionRegistrationSchema),
    Invitation: connection.model("Invitation", invitationSchema),
    Attachment: connection.model("Attachment", attachmentSchema),
    AttachmentChunk: connection.model("AttachmentChunk", attachmentChunkSchema),
    Meeting: connection.model("Meeting", meetingSchema),
    MeetingEvent: connection.model("MeetingEvent", meetingEventSchema),
    Reservation: connection.model("Reservation", reservationSchema),
    Notification: connection.model("Notification", notificationSchema),
    CalendarFeed: connection.model("CalendarFeed", calendarFeedSchema),
    BoothChatMessage: connection.model("BoothChatMessage", boothChatMessageSchema),
    BoothQueueEntry: connection.model("BoothQueueEntry", boothQueueEntrySchema),
    BoothAdmission: connection.model("BoothAdmission", boothAdmissionSchema),
    VideoAttendance: connection.model("VideoAttendance", videoAttendanceSchema),
    SchedulePlan: connection.model("SchedulePlan", schedulePlanSchema),
    PlanPublication: connection.model("PlanPublication", planPublicationSchema),
    MatchFeedback: connection.model("MatchFeedback", matchFeedbackSchema),
    AuditEntry: connection.model("AuditEntry", auditEntrySchema),
    LoginFailure: connection.model("LoginFailure", loginFailureSchema),
    PendingRegistration: connection.model("PendingRegistration", pendingRegistrationSchema),
    Badge: connection.model("Badge", badgeSchema),
    Lead: connection.model("Lead", leadSchema),
    Participation: connection.model("Participation", participationSchema),
    ProgrammeTargets: connection.model("ProgrammeTargets", programmeTargetsSchema),
  };
}
export type Models = ReturnType<typeof registerModels>;
