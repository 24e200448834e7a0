import { Schema } from "mongoose";

/** An attachment's description; its bytes are in attachment_chunks ("<id>:<n>", read by _id). */
export const attachmentSchema = new Schema(
  {
    companyId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: ["logo", "catalogue"] },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    chunks: { type: Number, required: true },
  },
  { collection: "attachments", strict: "throw", timestamps: { createdAt: true, updatedAt: false } },
);

export const attachmentChunkSchema = new Schema(
  { _id: { type: String, required: true }, data: { type: Buffer, required: true } },
  { collection: "attachment_chunks", strict: "throw", versionKey: false },
);
