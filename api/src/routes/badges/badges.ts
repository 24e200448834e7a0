import { z } from "zod";
import { BadgeViewSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { BadgeContext } from "../../commands/badges/context";
import { myBadge } from "../../commands/badges/myBadge";
import { badgeQrSvg, presentBadge } from "../../presenters/badge";

const noQuery = z.strictObject({});
const tags = ["badges"];

/**
 * Badges: everyone signed in takes part in the fair in person (firms' staff, interpreters, and the
 * organisers who run the hall), so everyone has one. The QR code holds an opaque code, never a name.
 */
export function badgeEndpoints(ctx: BadgeContext) {
  return [
    defineEndpoint({
      method: "get",
      path: "/me/badge",
      summary: "My badge: its opaque code and the URL its QR code holds (made on first use)",
      tags,
      access: "signedIn",
      request: { query: noQuery },
      responses: { 200: { description: "My badge", schema: BadgeViewSchema } },
      handler: async ({ auth }) => ({ body: presentBadge(await myBadge(ctx, auth!.user)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/me/badge/qr.svg",
      summary: "My badge's QR code (SVG), to show on a phone at a booth or the entrance",
      tags,
      access: "signedIn",
      request: { query: noQuery },
      responses: { 200: { description: "An SVG image" } },
      handler: async ({ auth }) => ({ raw: { contentType: "image/svg+xml", data: await badgeQrSvg((await myBadge(ctx, auth!.user)).url) } }),
    }),
  ];
}
