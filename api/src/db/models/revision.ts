import { Schema } from "mongoose";

/**
 * A change counter per collection that processes cache ("companies"): read by _id, which FerretDB
 * answers without a scan, so checking freshness costs one cheap query.
 */
export const revisionSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Number, required: true, default: 0 } },
  { collection: "revisions", strict: "throw", versionKey: false },
);

/**
 * Each firm's agenda revision (its _id is the firm's): every write to a meeting bumps its parties'
 * (see meetingRepository), so a process keeps each firm's meetings until one of them changes. Apart
 * from "revisions": a request reads those all at once, and there is one of these per firm.
 */
export const agendaRevisionSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Number, required: true, default: 0 } },
  { collection: "agenda_revisions", strict: "throw", versionKey: false },
);
