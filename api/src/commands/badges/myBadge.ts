import type { UserRecord } from "../../repositories/userRepository";
import type { BadgeContext } from "./context";

/** What a badge's QR code holds: an opaque code, resolved to the person only by the server. */
export const badgeUrl = (publicOrigin: string, code: string) => `${publicOrigin}/badge/${code}`;

export interface Badge {
  code: string;
  url: string;
}

/** The signed-in person's badge, made on first use. */
export async function myBadge(ctx: BadgeContext, user: UserRecord): Promise<Badge> {
  const code = await ctx.repos.badges.codeFor(user.id);
  return { code, url: badgeUrl(ctx.publicOrigin, code) };
}
