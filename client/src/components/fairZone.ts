import { useTranslation } from "react-i18next";
import { zoneName } from "../lib/time";

/** The zone the words "Hanoi time" (`time.fair`) are true of. */
const HANOI = "Asia/Ho_Chi_Minh";

/**
 * What the fair's time is called beside a time: "Hanoi time" for a fair in Hanoi (`hanoi`, worded
 * for where it stands), else the zone's name in the reader's language.
 */
export function useFairZoneLabel(fairZone: string, at: string, hanoi: "common.time.fair" | "common.notify.hanoi" = "common.time.fair"): string {
  const { t, i18n } = useTranslation();
  return fairZone === HANOI ? t(hanoi) : zoneName(fairZone, i18n.language, new Date(at));
}
