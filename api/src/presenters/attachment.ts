import type { AttachmentMeta } from "../repositories/attachmentStore";

/** What a client sees of a stored logo or catalogue (not where it is stored). */
export const presentAttachment = (a: AttachmentMeta) => ({ id: a.id, kind: a.kind, name: a.name, contentType: a.contentType, size: a.size });
