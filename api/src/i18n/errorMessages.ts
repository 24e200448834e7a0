import { DateTime } from "luxon";
import type { ErrorCode, Locale } from "@ketnoi/contracts";
import { t, type MessageValues } from "./index";
import { RESOURCES } from "./resources";

/** The message that goes with an error code, in the reader's language. */
export const errorMessage = (code: ErrorCode, locale: Locale) => t(locale, `errors:${code}`);

type FieldKey = keyof (typeof RESOURCES)["en"]["fields"];
/** Own keys only: a zod message that happens to be "toString" is not a key. */
const isFieldKey = (message: string): message is FieldKey => Object.hasOwn(RESOURCES.en.fields, message);

const HANOI_ZONES = new Set(["Asia/Ho_Chi_Minh", "Asia/Saigon"]);

/**
 * An instant in the reader's zone ("9:45 AM"; with the date when it is not today there), and the
 * fair's time beside it when the reader's clock is another: a time they can act on.
 */
function readerTime(iso: string, values: Record<string, string>, locale: Locale) {
  const zone = values.zone ?? "UTC";
  const fairZone = values.fairZone ?? zone;
  const at = (z: string) => DateTime.fromISO(iso, { zone: z }).setLocale(locale);
  const sameDay = values.now ? at(zone).hasSame(DateTime.fromISO(values.now, { zone }), "day") : false;
  const format = sameDay ? DateTime.TIME_SIMPLE : ({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const);
  const own = at(zone).toLocaleString(format);
  if (at(zone).offset === at(fairZone).offset) return own;
  const fair = at(fairZone).toLocaleString(DateTime.TIME_SIMPLE);
  // Hanoi's fairs say so by name; a fair elsewhere (a mission to Tokyo) is "the fair's time".
  return HANOI_ZONES.has(fairZone) ? t(locale, "time:withFairTime", { own, fair }) : t(locale, "time:withOtherFairTime", { own, fair });
}

/** Field messages that say an instant as {{when}}, and the value (ISO) that holds it. */
const WHEN: Partial<Record<FieldKey, string>> = { checkInOpensAt: "opensAt", scannedBeforeWindow: "opensAt", scannedAfterWindow: "closesAt" };

/**
 * The text and values a field message is written with. `checkInOpensAt`, `scannedBeforeWindow` and
 * `scannedAfterWindow` (values: opensAt or closesAt, scannedAt and now as ISO, zone, fairZone, minutes)
 * say their times in the reader's zone; `planPartyBusy` (values: party, other) names whom the party
 * meets when the error knows it.
 */
function fieldText(key: FieldKey, locale: Locale, values: Record<string, string>): [FieldKey, MessageValues] {
  const when = WHEN[key];
  if (when) {
    const filled: MessageValues = { ...values, when: readerTime(values[when] ?? "", values, locale) };
    if (values.scannedAt) filled.scanned = readerTime(values.scannedAt, values, locale);
    return [key, filled];
  }
  if (key === "planPartyBusy" && values.other) return ["planPartyBusyWithOther", values];
  return [key, values];
}

/** A field message in the reader's language: a known key is translated (its placeholders filled in with `values`), other text passes through. */
export function fieldMessage(message: string, locale: Locale, values: Record<string, string> = {}): string {
  if (!isFieldKey(message)) return message;
  const [key, filled] = fieldText(message, locale, values);
  return t(locale, `fields:${key}`, filled);
}
