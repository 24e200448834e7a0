/** The matching engine's public surface (see engine.ts for how it is used, docs/matching-format.md for the rules). */
export { MatchingEngine, type EngineOptions, type Recommendation } from "./engine";
export { MatchParticipantSchema, type MatchParticipant } from "./participant";
export type { RecommendContext, Dismissal, InterestSignal, PartyLoad } from "./context";
