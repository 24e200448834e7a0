import type { DismissReason } from "@ketnoi/contracts";

/**
 * What the caller knows about a viewer and the fair at the moment of asking; every field is
 * optional and plain data, so the api can keep it in its own collections.
 */
export interface RecommendContext {
  /** The viewer's dismissed proposals (oldest first): never proposed again, and similar ones rank lower. */
  dismissals?: readonly Dismissal[];
  /** Interest between the viewer and others: bookmarks, profile views, meeting requests. */
  signals?: readonly InterestSignal[];
  /** Ids the organiser paired with this viewer on purpose: shown first. */
  promoted?: readonly string[];
  /** Ids the organiser does not want proposed to this viewer (either direction). */
  blocked?: readonly string[];
  /** Current demand and free time per party (ids of candidates); parties missing here count as free. */
  load?: ReadonlyMap<string, PartyLoad>;
}

export interface Dismissal {
  participantId: string;
  /** The `kind` of the recommendation as it was shown. */
  kind: string;
  reason: DismissReason;
}

export interface InterestSignal {
  participantId: string;
  signal: "bookmark" | "view" | "request";
  /** "outbound": the viewer did it to participantId; "inbound": participantId did it to the viewer. */
  direction: "outbound" | "inbound";
}

export interface PartyLoad {
  /** Meeting requests received and not yet declined. */
  requestsReceived: number;
  /** Meeting slots still free in its calendar. */
  freeSlots: number;
}
