import type { Models } from "../db/models";
import { createFairRepository } from "./fairRepository";
import { createCompanyRepository } from "./companyRepository";
import { createTaxonomyRepository } from "./taxonomyRepository";
import { createUserRepository } from "./userRepository";
import { createInterpreterRepository } from "./interpreterRepository";
import { createFairSessionRepository } from "./fairSessionRepository";
import { createSessionRepository } from "./sessionRepository";
import { createOneTimeTokenRepository } from "./oneTimeTokenRepository";
import { createOutboxRepository } from "./outboxRepository";
import { createRevisionRepository } from "./revisionRepository";
import { createInvitationRepository } from "./invitationRepository";
import { createMongoAttachmentStore } from "./attachmentStore";
import { createMeetingRepository } from "./meetingRepository";
import { createReservationRepository } from "./reservationRepository";
import { createNotificationRepository } from "./notificationRepository";
import { createCalendarFeedRepository } from "./calendarFeedRepository";
import { createBoothRepository } from "./boothRepository";
import { createVideoAttendanceRepository } from "./videoAttendanceRepository";
import { createSchedulePlanRepository } from "./schedulePlanRepository";
import { createMatchFeedbackRepository } from "./matchFeedbackRepository";
import { createAuditRepository } from "./auditRepository";
import { createLoginFailureRepository } from "./loginFailureRepository";
import { createPendingRegistrationRepository } from "./pendingRegistrationRepository";
import { createFairArchiveRepository } from "./fairArchiveRepository";
import { createBadgeRepository } from "./badgeRepository";
import { createLeadRepository } from "./leadRepository";
import { createParticipationRepository } from "./participationRepository";
import { createProgrammeTargetsRepository } from "./programmeTargetsRepository";

export function createRepositories(models: Models) {
  const revisions = createRevisionRepository(models);
  const participations = createParticipationRepository(models, revisions);
  return {
    revisions,
    participations,
    fairs: createFairRepository(models, revisions),
    companies: createCompanyRepository(models, revisions, participations),
    taxonomy: createTaxonomyRepository(models),
    users: createUserRepository(models, revisions),
    interpreters: createInterpreterRepository(models, revisions),
    fairSessions: createFairSessionRepository(models, revisions),
    sessions: createSessionRepository(models, revisions),
    oneTimeTokens: createOneTimeTokenRepository(models),
    outbox: createOutboxRepository(models),
    invitations: createInvitationRepository(models),
    attachments: createMongoAttachmentStore(models),
    meetings: createMeetingRepository(models, revisions),
    reservations: createReservationRepository(models),
    notifications: createNotificationRepository(models),
    calendarFeeds: createCalendarFeedRepository(models),
    booths: createBoothRepository(models),
    videoAttendance: createVideoAttendanceRepository(models),
    schedulePlans: createSchedulePlanRepository(models),
    matchFeedback: createMatchFeedbackRepository(models, revisions),
    audit: createAuditRepository(models),
    loginFailures: createLoginFailureRepository(models),
    pendingRegistrations: createPendingRegistrationRepository(models),
    fairArchive: createFairArchiveRepository(models),
    badges: createBadgeRepository(models),
    leads: createLeadRepository(models),
    programmeTargets: createProgrammeTargetsRepository(models),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
