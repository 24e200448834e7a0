// Moved to policies/companyVisibility.ts; this re-export stays only until the meeting commands import from there.
export { findVisibleCompany, maySeeCard } from "../policies/companyVisibility";
