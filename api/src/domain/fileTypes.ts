/** What a file is, judged by its first bytes (never by its name or the declared type). */
export type DetectedType = "image/png" | "image/jpeg" | "image/webp" | "application/pdf";

export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

/** What each kind of attachment accepts. */
export const ATTACHMENT_RULES = {
  logo: { types: ["image/png", "image/jpeg", "image/webp"] as DetectedType[], maxBytes: 1024 * 1024, maxPerCompany: 1 },
  catalogue: { types: ["application/pdf"] as DetectedType[], maxBytes: 10 * 1024 * 1024, maxPerCompany: 10 },
};
export type AttachmentKind = keyof typeof ATTACHMENT_RULES;

const EXTENSION: Record<DetectedType, string> = { "image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "application/pdf": ".pdf" };
const ALSO: Partial<Record<DetectedType, string[]>> = { "image/jpeg": [".jpeg"] };

/**
 * How a stored file goes out: with the type its bytes show (never the one its name suggests: "x.html"
 * holding a PDF is a PDF), inline only when it is an image, and otherwise as a download whose name
 * ends as its type does, so a saved "x.html" does not open as a page either.
 */
export function servingOf(bytes: Uint8Array, name: string): { contentType: string; inline: boolean; filename: string } {
  const type = detectFileType(bytes);
  if (!type) return { contentType: "application/octet-stream", inline: false, filename: `${name}.bin` };
  const lower = name.toLowerCase();
  const fits = [EXTENSION[type], ...(ALSO[type] ?? [])].some((ext) => lower.endsWith(ext));
  return { contentType: type, inline: type.startsWith("image/"), filename: fits ? name : `${name}${EXTENSION[type]}` };
}
