import express from "express";
import { z } from "zod";
import { ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { notFound } from "../../errors";
import type { CompanyContext } from "../../commands/companies/context";
import { MAX_UPLOAD_BYTES, addAttachment, deleteAttachment, downloadAttachment, listAttachments } from "../../commands/attachments/attachments";
import { presentAttachment } from "../../presenters/attachment";

const id = ObjectIdSchema;
const noQuery = z.strictObject({});
const AttachmentView = z.object({
  id: z.string(),
  kind: z.enum(["logo", "catalogue"]),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
// The raw upload is read up to the largest allowance; each kind then applies its own limit.
const rawBody = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });

// biome-ignore lint/suspicious/noControlCharactersInRegex: a file name with a control character (NUL, newline...) is refused on purpose
const SAFE_FILE_NAME = /^[^/\\<>:"|?*\u0000-\u001f]+$/;

export function attachmentEndpoints(ctx: CompanyContext) {
  return [
    defineEndpoint({
      method: "post",
      path: "/companies/:id/attachments",
      summary: "Upload a logo (PNG, JPEG, WebP; 1 MB) or a catalogue (PDF; 10 MB) as the raw request body; the type is checked from the bytes",
      tags: ["companies"],
      access: "signedIn",
      before: [rawBody],
      request: {
        params: z.strictObject({ id }),
        query: z.strictObject({
          kind: z.enum(["logo", "catalogue"]),
          name: z.string().trim().min(1).max(120).regex(SAFE_FILE_NAME, "invalid file name"),
        }),
      },
      responses: { 201: { description: "Stored", schema: AttachmentView } },
      handler: async ({ params, query, req, auth }) => {
        const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return { status: 201, body: presentAttachment(await addAttachment(ctx, auth!.user, params.id, query.kind, query.name, data)) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id/attachments",
      summary: "A company's logo and catalogues (whoever may see the company)",
      tags: ["companies"],
      access: "public",
      request: { params: z.strictObject({ id }), query: noQuery },
      responses: { 200: { description: "Attachments", schema: z.object({ data: z.array(AttachmentView) }) } },
      handler: async ({ params, auth }) => ({ body: { data: (await listAttachments(ctx, auth?.user, params.id)).map(presentAttachment) } }),
    }),
    defineEndpoint({
      method: "delete",
      path: "/attachments/:id",
      summary: "Remove an attachment (the company's members, organisers)",
      tags: ["companies"],
      access: "signedIn",
      request: { params: z.strictObject({ id }), query: noQuery },
      responses: { 204: { description: "Removed" } },
      handler: async ({ params, auth }) => {
        await deleteAttachment(ctx, auth!.user, params.id);
        return {};
      },
    }),
  ];
}

/** GET /api/attachments/:id streams the bytes (outside the JSON endpoint layer). */
export function attachmentDownload(ctx: CompanyContext): express.RequestHandler {
  return async (req, res, next) => {
    try {
      if (!id.safeParse(req.params.id).success) throw notFound();
      const { data, served } = await downloadAttachment(ctx, req.auth?.user, String(req.params.id));
      // Images show inline, everything else downloads.
      if (served.inline) res.set("Content-Disposition", "inline");
      else res.attachment(served.filename); // before the type: attachment() sets one from the name
      res.type(served.contentType);
      res.set({ "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=300" });
      res.send(data);
    } catch (err) {
      next(err);
    }
  };
}
