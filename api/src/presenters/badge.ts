import QRCode from "qrcode";
import type { BadgeView } from "@ketnoi/contracts";

/** A badge as its owner sees it: the code and the URL its QR code holds. */
export const presentBadge = (badge: { code: string; url: string }): BadgeView => ({ code: badge.code, url: badge.url });

/** The badge's QR code as SVG (shown large on a phone; quartile correction survives a scratched screen or print). */
export const badgeQrSvg = (url: string) => QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "Q" });
