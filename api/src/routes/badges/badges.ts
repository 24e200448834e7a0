import { z } from "zod";
import { BadgeViewSchema, FairBadgesQuerySchema, MyBadgeQuerySchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { BadgeContext } from "../../commands/badges/context";
import { myBadge } from "../../commands/badges/myBadge";
import { printFairBadges, printMyBadge, type BadgePdf } from "../../commands/badges/printBadges";
import { badgeQrSvg, presentBadge } from "../../presenters/badge";
import { organiserScope } from "../organiserScope";

const noQuery = z.strictObject({});
const tags = ["badges"];
const pdf = ({ pdf, filename }: BadgePdf) => ({ raw: { contentType: "application/pdf", data: pdf, filename } });

/**
 * Badges: everyone signed in takes part in the fair in person (firms' staff, interpreters, and the
 * organisers who run the hall), so everyone has one. The QR code holds an opaque code, never a name.
 */
export function badgeEndpoints(ctx: BadgeContext) {
  const scope = organiserScope(ctx);
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
    defineEndpoint({
      method: "get",
      path: "/me/badge.pdf",
      summary: "My badge as a PDF to print: A6 (one page) or on an A4 sheet with cut marks",
      tags,
      access: "signedIn",
      request: { query: MyBadgeQuerySchema },
      responses: { 200: { description: "A PDF" } },
      handler: async ({ auth, query, event }) => pdf(await printMyBadge(ctx, auth!.user, event, query.layout)),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/current/badges.pdf",
      summary:
        "The current fair's badges (organisers): everyone taking part (approved firms' staff, the fair's interpreters, organisers) " +
        "or one role's or one firm's; A6 pages or A4 sheets of four with cut marks. Each: name in the person's own script, firm, " +
        "country, role in Vietnamese and English, and a QR code holding only <origin>/badge/<code>",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { query: FairBadgesQuerySchema },
      responses: { 200: { description: "A PDF" } },
      handler: async ({ query, auth, event }) => pdf(await printFairBadges(ctx, auth!.user, event, query)),
    }),
  ];
}
