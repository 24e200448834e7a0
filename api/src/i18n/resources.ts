import type { Locale } from "@ketnoi/contracts";
import viErrors from "./locales/vi/errors.json";
import viFields from "./locales/vi/fields.json";
import viTime from "./locales/vi/time.json";
import viMail from "./locales/vi/mail.json";
import viMeetingMail from "./locales/vi/meetingMail.json";
import viCalendar from "./locales/vi/calendar.json";
import viMatchEval from "./locales/vi/matchEval.json";
import viBadge from "./locales/vi/badge.json";
import viOpenData from "./locales/vi/openData.json";
import enErrors from "./locales/en/errors.json";
import enFields from "./locales/en/fields.json";
import enTime from "./locales/en/time.json";
import enMail from "./locales/en/mail.json";
import enMeetingMail from "./locales/en/meetingMail.json";
import enCalendar from "./locales/en/calendar.json";
import enMatchEval from "./locales/en/matchEval.json";
import enBadge from "./locales/en/badge.json";
import enOpenData from "./locales/en/openData.json";
import jaErrors from "./locales/ja/errors.json";
import jaFields from "./locales/ja/fields.json";
import jaTime from "./locales/ja/time.json";
import jaMail from "./locales/ja/mail.json";
import jaMeetingMail from "./locales/ja/meetingMail.json";
import jaCalendar from "./locales/ja/calendar.json";
import jaMatchEval from "./locales/ja/matchEval.json";
import jaBadge from "./locales/ja/badge.json";
import jaOpenData from "./locales/ja/openData.json";
import koErrors from "./locales/ko/errors.json";
import koFields from "./locales/ko/fields.json";
import koTime from "./locales/ko/time.json";
import koMail from "./locales/ko/mail.json";
import koMeetingMail from "./locales/ko/meetingMail.json";
import koCalendar from "./locales/ko/calendar.json";
import koMatchEval from "./locales/ko/matchEval.json";
import koBadge from "./locales/ko/badge.json";
import koOpenData from "./locales/ko/openData.json";
import zhHantErrors from "./locales/zh-Hant/errors.json";
import zhHantFields from "./locales/zh-Hant/fields.json";
import zhHantTime from "./locales/zh-Hant/time.json";
import zhHantMail from "./locales/zh-Hant/mail.json";
import zhHantMeetingMail from "./locales/zh-Hant/meetingMail.json";
import zhHantCalendar from "./locales/zh-Hant/calendar.json";
import zhHantMatchEval from "./locales/zh-Hant/matchEval.json";
import zhHantBadge from "./locales/zh-Hant/badge.json";
import zhHantOpenData from "./locales/zh-Hant/openData.json";

/**
 * The api's texts in each UI language, one JSON file per locale and namespace (locales/<locale>/<namespace>.json),
 * imported statically so the build bundles them into dist and Jest loads them as they are.
 */
const en = {
  errors: enErrors,
  fields: enFields,
  time: enTime,
  mail: enMail,
  meetingMail: enMeetingMail,
  calendar: enCalendar,
  matchEval: enMatchEval,
  badge: enBadge,
  openData: enOpenData,
};
export type Catalogue = typeof en;

export const NAMESPACES = Object.keys(en) as (keyof Catalogue)[];

export const RESOURCES: Record<Locale, Catalogue> = {
  vi: {
    errors: viErrors,
    fields: viFields,
    time: viTime,
    mail: viMail,
    meetingMail: viMeetingMail,
    calendar: viCalendar,
    matchEval: viMatchEval,
    badge: viBadge,
    openData: viOpenData,
  },
  en,
  ja: {
    errors: jaErrors,
    fields: jaFields,
    time: jaTime,
    mail: jaMail,
    meetingMail: jaMeetingMail,
    calendar: jaCalendar,
    matchEval: jaMatchEval,
    badge: jaBadge,
    openData: jaOpenData,
  },
  ko: {
    errors: koErrors,
    fields: koFields,
    time: koTime,
    mail: koMail,
    meetingMail: koMeetingMail,
    calendar: koCalendar,
    matchEval: koMatchEval,
    badge: koBadge,
    openData: koOpenData,
  },
  "zh-Hant": {
    errors: zhHantErrors,
    fields: zhHantFields,
    time: zhHantTime,
    mail: zhHantMail,
    meetingMail: zhHantMeetingMail,
    calendar: zhHantCalendar,
    matchEval: zhHantMatchEval,
    badge: zhHantBadge,
    openData: zhHantOpenData,
  },
};
