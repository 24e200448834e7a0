import type { MatchReason } from "@ketnoi/contracts";
import type { Evidence, PairMatch } from "./pairScore";

export interface ReasonExtras {
  promoted: boolean;
  interestShown: boolean;
  /** The other side's country when the programme gives it priority. */
  priorityCountry?: string;
}

const MAX_REASONS = 3;

function fromEvidence(e: Evidence, viewerId: string): MatchReason {
  switch (e.code) {
    case "offerMeetsNeed":
      return { code: e.code, needer: e.needer === viewerId ? "you" : "they", need: e.need, offer: e.offer };
    case "capabilityMeetsRequirement":
      return { code: e.code, requirer: e.requirer === viewerId ? "you" : "they", required: e.required, held: e.held };
    case "certificationHeld":
      return { code: e.code, requirer: e.requirer === viewerId ? "you" : "they", certification: e.certification };
    case "capacityMeets":
      return { code: e.code, requirer: e.requirer === viewerId ? "you" : "they", capacity: e.capacity, minimum: e.minimum };
    case "sharedSector":
      return e;
  }
}

/**
 * One to three reasons for the viewer, most telling first: the organiser's word, the main link,
 * interest shown, a required certification held, then how they can meet (language, online hours),
 * then the rest.
 */
export function reasonsFor(viewerId: string, pair: PairMatch | undefined, evidence: readonly Evidence[], extras: ReasonExtras): MatchReason[] {
  const [main, ...more] = evidence.map((e) => fromEvidence(e, viewerId));
  const candidates: (MatchReason | false | undefined)[] = [
    extras.promoted && { code: "organiserRecommends" },
    main,
    extras.interestShown && { code: "interestShown" },
    ...more.filter((r) => r.code === "certificationHeld"),
    pair?.bridge.kind === "common" && { code: "commonLanguage", language: pair.bridge.language },
    pair?.bridge.kind === "interpreter" && { code: "interpreterAvailable", languages: pair.bridge.languages },
    pair?.onlineHours != null && pair.onlineHours >= 0.5 && { code: "workingHoursOverlap", hours: Math.floor(pair.onlineHours * 2) / 2 },
    ...more.filter((r) => r.code !== "certificationHeld"),
    extras.priorityCountry !== undefined && { code: "priorityCountry", country: extras.priorityCountry },
  ];
  return candidates.filter((r): r is MatchReason => !!r).slice(0, MAX_REASONS);
}
