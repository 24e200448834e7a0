import type { CommandContext } from "../context";
import type { BadgePrinter } from "../../services/badgePdf/badgePdf";

/** What the badge commands work with: the repositories, the clock, the origin a badge's QR code points to, and the PDF printer. */
export interface BadgeContext extends CommandContext {
  publicOrigin: string;
  printer: BadgePrinter;
}
