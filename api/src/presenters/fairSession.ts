import type { FairSessionView } from "@ketnoi/contracts";
import type { FairSessionRecord } from "../repositories/fairSessionRepository";

export function presentFairSession(s: FairSessionRecord): FairSessionView {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    room: s.room,
    speakers: s.speakers,
    capacity: s.capacity,
  };
}
