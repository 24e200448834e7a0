import { z } from "zod";

// Zones already found valid (a few hundred at most); invalid input is not remembered.
const known = new Set<string>();

/**
 * Whether `zone` is an IANA time zone this runtime knows ("Asia/Ho_Chi_Minh", "Europe/Berlin",
 * "UTC"), the check luxon's IANAZone.isValidZone makes. Not Intl.supportedValuesOf("timeZone"):
 * that lists only canonical names, and Node's (20 and 24) has "Asia/Saigon" but not "Asia/Ho_Chi_Minh".
 */
export function isTimeZone(zone: string): boolean {
  if (known.has(zone)) return true;
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  known.add(zone);
  return true;
}

/** A user's or company's time zone; the message is a key the api's field messages translate. */
export const TimeZoneSchema = z.string().refine(isTimeZone, "unknownTimeZone");

/** A company's web address: http or https only (never javascript:, data: or vbscript:). */
export const WebAddressSchema = z.url({ protocol: /^https?$/, error: "webAddress" }).max(2000);
