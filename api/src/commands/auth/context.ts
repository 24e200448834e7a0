import type { Repositories } from "../../repositories";
import type { DirectoryService } from "../../services/directory";
import type { EventPublisher } from "../../services/events";

/** What the account commands (sign-in, registration, invitations, personal data, notifications) work with. */
export interface AccountContext {
  repos: Repositories;
  /** Sessions that end have their realtime sockets closed. */
  events: EventPublisher;
  /** A firm that is created, listed, unlisted or deleted shows in this process's directory at once. */
  directory: DirectoryService;
  /** Where mailed links point. */
  publicOrigin: string;
  now: () => Date;
}
