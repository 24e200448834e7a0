import type { EngineOptions } from "./engine";
import type { MatchParticipant } from "./participant";

/** Test helpers: a two-day Hanoi fair and profiles with only what a test says. */
export const TEST_FAIR: EngineOptions["fair"] = {
  timeZone: "Asia/Ho_Chi_Minh",
  days: ["2026-12-10", "2026-12-11"],
  dailyHours: { start: "08:30", end: "17:00" },
  breaks: [{ start: "12:00", end: "13:30" }],
  slotMinutes: 30,
  countryPriorities: { JP: 1.2, KR: 1.2 },
};

export function domestic(id: string, rest: Partial<MatchParticipant> = {}): MatchParticipant {
  return {
    id,
    kind: "domestic",
    country: "VN",
    timeZone: "Asia/Ho_Chi_Minh",
    participation: "onsite",
    sectors: [],
    processes: [],
    certifications: [],
    needs: [],
    offers: [],
    requirements: [],
    languages: ["vi", "en"],
    ...rest,
  };
}

export function foreign(id: string, rest: Partial<MatchParticipant> = {}): MatchParticipant {
  return { ...domestic(id), kind: "foreign", country: "JP", timeZone: "Asia/Tokyo", languages: ["ja", "en"], ...rest };
}
