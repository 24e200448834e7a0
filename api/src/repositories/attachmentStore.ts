import { createHash } from "node:crypto";
import { mongo, Types } from "mongoose";
import type { Models } from "../db/models";

export interface AttachmentMeta {
  id: string;
  companyId: string;
  kind: "logo" | "catalogue";
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Where attachment bytes live: MongoDB here; a disk or object-store implementation fits the same shape. */
export interface AttachmentStore {
  save(meta: Omit<AttachmentMeta, "id" | "size" | "sha256">, data: Buffer): Promise<AttachmentMeta>;
  find(id: string): Promise<AttachmentMeta | null>;
  read(meta: AttachmentMeta): Promise<Buffer>;
  listForCompany(companyId: string): Promise<AttachmentMeta[]>;
  delete(meta: AttachmentMeta): Promise<void>;
}

const CHUNK_BYTES = 1024 * 1024;

export function createMongoAttachmentStore({ Attachment, AttachmentChunk }: Models): AttachmentStore {
  type Lean = {
    _id: Types.ObjectId;
    companyId: Types.ObjectId;
    kind: "logo" | "catalogue";
    name: string;
    contentType: string;
    size: number;
    sha256: string;
    chunks: number;
  };
  const toMeta = (d: Lean): AttachmentMeta => ({
    id: d._id.toHexString(),
    companyId: d.companyId.toHexString(),
    kind: d.kind,
    name: d.name,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
  });
  const chunkCount = (size: number) => Math.max(1, Math.ceil(size / CHUNK_BYTES));
  return {
    async save(meta, data) {
      const _id = new Types.ObjectId();
      const chunks = chunkCount(data.length);
      // Bytes first, description last: a failure part-way leaves no attachment that cannot be read.
      for (let n = 0; n < chunks; n++) {
        await AttachmentChunk.create({ _id: `${_id.toHexString()}:${n}`, data: data.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES) });
      }
      const sha256 = createHash("sha256").update(data).digest("hex");
      const doc = await Attachment.create({ _id, ...meta, companyId: new Types.ObjectId(meta.companyId), size: data.length, sha256, chunks });
      return toMeta(doc.toObject() as unknown as Lean);
    },
    async find(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await Attachment.findById(id).lean<Lean>();
      return doc ? toMeta(doc) : null;
    },
    async read(meta) {
      const parts: Buffer[] = [];
      for (let n = 0; n < chunkCount(meta.size); n++) {
        // Lean reads give BSON Binary, not Buffer.
        const chunk = await AttachmentChunk.findById(`${meta.id}:${n}`).lean<{ data: mongo.Binary | Buffer }>();
        if (!chunk) throw new Error(`attachment ${meta.id} is missing chunk ${n}`);
        parts.push(chunk.data instanceof mongo.Binary ? Buffer.from(chunk.data.buffer) : Buffer.from(chunk.data));
      }
      return Buffer.concat(parts);
    },
    async listForCompany(companyId) {
      return (
        await Attachment.find({ companyId: new Types.ObjectId(companyId) })
          .sort({ createdAt: 1 })
          .lean<Lean[]>()
      ).map(toMeta);
    },
    async delete(meta) {
      // Description first: once it is gone nothing refers to the bytes.
      await Attachment.deleteOne({ _id: meta.id });
      for (let n = 0; n < chunkCount(meta.size); n++) await AttachmentChunk.deleteOne({ _id: `${meta.id}:${n}` });
    },
  };
}
