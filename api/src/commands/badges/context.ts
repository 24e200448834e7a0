import type { CommandContext } from "../context";

/** What the badge commands work with: the repositories, the clock and the origin a badge's QR code points to. */
export interface BadgeContext extends CommandContext {
  publicOrigin: string;
}
