import { DateTime } from "luxon";
import type { Locale } from "@ketnoi/contracts";
import type { MailContent } from "./mailLayout";

/** Meeting notifications that also go out by email (the rest stay in the app). */
export const MAILED_KINDS = ["meeting_requested", "meeting_booked", "meeting_countered", "meeting_cancelled", "meeting_rescheduled", "meeting_reminder", "schedule_published"] as const;
export type MailedKind = (typeof MAILED_KINDS)[number];

const SUBJECTS: Record<MailedKind, Record<Locale, (who: string) => string>> = {
  meeting_requested: {
    vi: (w) => `${w} muốn gặp doanh nghiệp của bạn`,
    en: (w) => `${w} would like to meet you`,
    ja: (w) => `${w} から商談の申し込みがありました`,
    ko: (w) => `${w}에서 미팅을 요청했습니다`,
    "zh-Hant": (w) => `${w} 希望與您會面`,
  },
  meeting_booked: {
    vi: (w) => `Đã xác nhận lịch gặp với ${w}`,
    en: (w) => `Meeting with ${w} confirmed`,
    ja: (w) => `${w} との商談が確定しました`,
    ko: (w) => `${w}와의 미팅이 확정되었습니다`,
    "zh-Hant": (w) => `已確認與 ${w} 的會面`,
  },
  meeting_countered: {
    vi: (w) => `${w} đề xuất thời gian khác`,
    en: (w) => `${w} proposes another time`,
    ja: (w) => `${w} から別の時間の提案がありました`,
    ko: (w) => `${w}에서 다른 시간을 제안했습니다`,
    "zh-Hant": (w) => `${w} 提議了其他時間`,
  },
  meeting_cancelled: {
    vi: (w) => `Lịch gặp với ${w} đã bị hủy`,
    en: (w) => `Meeting with ${w} cancelled`,
    ja: (w) => `${w} との商談がキャンセルされました`,
    ko: (w) => `${w}와의 미팅이 취소되었습니다`,
    "zh-Hant": (w) => `與 ${w} 的會面已取消`,
  },
  meeting_rescheduled: {
    vi: (w) => `Lịch gặp với ${w} đã được đổi giờ`,
    en: (w) => `Meeting with ${w} moved`,
    ja: (w) => `${w} との商談の時間が変更されました`,
    ko: (w) => `${w}와의 미팅 시간이 변경되었습니다`,
    "zh-Hant": (w) => `與 ${w} 的會面已改期`,
  },
  meeting_reminder: {
    vi: (w) => `Sắp đến giờ gặp ${w}`,
    en: (w) => `Your meeting with ${w} starts soon`,
    ja: (w) => `まもなく ${w} との商談です`,
    ko: (w) => `곧 ${w}와의 미팅이 시작됩니다`,
    "zh-Hant": (w) => `與 ${w} 的會面即將開始`,
  },
  schedule_published: {
    vi: () => `Lịch gặp gỡ của bạn tại hội chợ đã được công bố`,
    en: () => `Your fair meeting schedule is published`,
    ja: () => `フェアの商談スケジュールが公開されました`,
    ko: () => `박람회 미팅 일정이 공개되었습니다`,
    "zh-Hant": () => `您的展會會面行程已公布`,
  },
};

const WHEN: Record<Locale, string> = { vi: "Thời gian", en: "When", ja: "日時", ko: "일시", "zh-Hant": "時間" };
const WHERE: Record<Locale, string> = { vi: "Địa điểm", en: "Where", ja: "場所", ko: "장소", "zh-Hant": "地點" };
const TABLE: Record<Locale, (n: number) => string> = {
  vi: (n) => `Bàn số ${n}`,
  en: (n) => `Table ${n}`,
  ja: (n) => `${n}番テーブル`,
  ko: (n) => `${n}번 테이블`,
  "zh-Hant": (n) => `第 ${n} 桌`,
};
const ONLINE: Record<Locale, string> = { vi: "Trực tuyến (video)", en: "Online (video)", ja: "オンライン（ビデオ）", ko: "온라인(화상)", "zh-Hant": "線上（視訊）" };
const NOTE: Record<Locale, string> = { vi: "Ghi chú", en: "Note", ja: "メモ", ko: "메모", "zh-Hant": "備註" };
const FAIR_CHANGE: Record<Locale, string> = {
  vi: "Giờ hội chợ đã thay đổi và không còn khung giờ nào cả hai bên cùng trống.",
  en: "The fair's hours changed and no slot both sides had free was left.",
  ja: "会期の時間が変更され、双方が空いている時間枠が残っていませんでした。",
  ko: "박람회 시간이 바뀌었고 양쪽이 모두 비어 있는 시간이 남지 않았습니다.",
  "zh-Hant": "展會時間已變更，且已無雙方都有空的時段。",
};
const OPEN: Record<Locale, string> = { vi: "Xem chi tiết", en: "Details", ja: "詳細", ko: "자세히 보기", "zh-Hant": "查看詳情" };

/**
 * A time as the reader sees it, with the fair's local time beside it when the clocks differ at that
 * instant: compared by offset, not by name, so a Hanoi reader whose zone is Asia/Bangkok or
 * Asia/Saigon is not shown the same time twice.
 */
export function formatMeetingTime(start: Date, locale: Locale, viewerZone: string, fairZone: string): string {
  const at = (zone: string) => DateTime.fromJSDate(start, { zone });
  const fmt = (zone: string) => at(zone).setLocale(locale).toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: "short" });
  const own = fmt(viewerZone);
  return at(viewerZone).offset === at(fairZone).offset ? own : `${own} (${fmt(fairZone)})`;
}

/** What a meeting mail says (laid out as text and HTML by layoutMail). */
export function meetingMail(
  kind: MailedKind,
  locale: Locale,
  details: { counterpart: string; start?: Date; table?: number; online?: boolean; viewerZone: string; fairZone: string; link: string; note?: string; fairChanged?: boolean },
): MailContent {
  const facts: string[] = [];
  if (details.start) facts.push(`${WHEN[locale]}: ${formatMeetingTime(details.start, locale, details.viewerZone, details.fairZone)}`);
  if (details.table) facts.push(`${WHERE[locale]}: ${TABLE[locale](details.table)}`);
  else if (details.online) facts.push(`${WHERE[locale]}: ${ONLINE[locale]}`);
  const paragraphs = [SUBJECTS[kind][locale](details.counterpart), ...(facts.length ? [facts.join("\n")] : [])];
  if (details.fairChanged) paragraphs.push(FAIR_CHANGE[locale]);
  if (details.note) paragraphs.push(`${NOTE[locale]}: “${details.note}”`);
  return { subject: SUBJECTS[kind][locale](details.counterpart), paragraphs, action: { label: OPEN[locale], url: details.link } };
}

export const tableLabel = (locale: Locale, n: number) => TABLE[locale](n);
export const onlineLabel = (locale: Locale) => ONLINE[locale];
