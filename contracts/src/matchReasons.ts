import { z } from "zod";
import { pairOf } from "./pair";
import type { Locale } from "./locales";
import { TAXONOMY } from "./taxonomy";
import { spokenLanguage } from "./text";

/**
 * Why a partner is recommended, as structured codes: the api sends these, every client renders
 * them in its viewer's language. "you"/"they" are relative to the viewer of the recommendation.
 */
const side = z.enum(["you", "they"]);
const code = z.string().regex(/^[a-z]+(\.[a-z0-9]+)+$/);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);

export const MatchReasonSchema = z.discriminatedUnion("code", [
  /** A need of one side (technology, transfer) met by an offer of the other. */
  z.strictObject({ code: z.literal("offerMeetsNeed"), needer: side, need: code, offer: code }),
  /** A process a buyer sources, met by a process the other side runs. */
  z.strictObject({ code: z.literal("capabilityMeetsRequirement"), requirer: side, required: code, held: code }),
  /** A certification the buyer requires, held (and valid at the fair) by the supplier. */
  z.strictObject({ code: z.literal("certificationHeld"), requirer: side, certification: code }),
  /** Monthly capacity at or above the buyer's minimum. */
  z.strictObject({ code: z.literal("capacityMeets"), requirer: side, capacity: z.number().int().positive(), minimum: z.number().int().positive() }),
  z.strictObject({ code: z.literal("sharedSector"), sector: code }),
  z.strictObject({ code: z.literal("commonLanguage"), language }),
  z.strictObject({ code: z.literal("interpreterAvailable"), languages: pairOf(language) }),
  /** Hours a day both can meet online within the fair's hours (someone of the pair is remote). */
  z.strictObject({ code: z.literal("workingHoursOverlap"), hours: z.number().positive().max(24) }),
  /** The other side bookmarked, viewed or requested the viewer. */
  z.strictObject({ code: z.literal("interestShown") }),
  z.strictObject({ code: z.literal("organiserRecommends") }),
  /** The other side comes from a country the organiser's programme gives priority to. */
  z.strictObject({ code: z.literal("priorityCountry"), country: z.string().regex(/^[A-Z]{2}$/) }),
]);
export type MatchReason = z.infer<typeof MatchReasonSchema>;
export type MatchReasonCode = MatchReason["code"];

/** One proposed partner for a viewer, best first in a list (the matching engine's Recommendation). */
export const MatchRecommendationSchema = z.strictObject({
  /** The partner's company id. */
  id: z.string().min(1),
  /** In [0, 1], two decimals; never rises down a list. */
  score: z.number().min(0).max(1),
  /** What it is about: "offer:<code>", "supply:<code>", "sector:<code>" or "organiser"; sent back with a dismissal. */
  kind: z.string(),
  promoted: z.boolean(),
  /** Online when either side is remote. */
  mode: z.enum(["onsite", "online"]),
  reasons: z.array(MatchReasonSchema).min(1).max(3),
});
export type MatchRecommendation = z.infer<typeof MatchRecommendationSchema>;

/** Why a user dismissed a proposal; it decides what else ranks lower for them (see the matching engine). */
export const DismissReasonSchema = z.enum(["notRelevant", "language", "timeZone", "alreadyInContact", "other"]);
export type DismissReason = z.infer<typeof DismissReasonSchema>;

/** A taxonomy code's label in a locale; the default reads the shipped taxonomy. */
export type LabelOf = (code: string, locale: Locale) => string;
const TAXONOMY_LABELS = new Map(TAXONOMY.terms.map((t) => [t.code, t.labels]));
export const taxonomyLabel: LabelOf = (c, locale) => TAXONOMY_LABELS.get(c)?.[locale] ?? c;

// Spoken-language names as they read inside a sentence; other languages fall back to Intl.
const LANGUAGE_NAMES: Record<Locale, Record<string, string>> = {
  vi: {
    vi: "tiếng Việt",
    en: "tiếng Anh",
    ja: "tiếng Nhật",
    ko: "tiếng Hàn",
    zh: "tiếng Trung",
    de: "tiếng Đức",
    fr: "tiếng Pháp",
    it: "tiếng Ý",
    nl: "tiếng Hà Lan",
    cs: "tiếng Séc",
  },
  en: {
    vi: "Vietnamese",
    en: "English",
    ja: "Japanese",
    ko: "Korean",
    zh: "Chinese",
    de: "German",
    fr: "French",
    it: "Italian",
    nl: "Dutch",
    cs: "Czech",
  },
  ja: {
    vi: "ベトナム語",
    en: "英語",
    ja: "日本語",
    ko: "韓国語",
    zh: "中国語",
    de: "ドイツ語",
    fr: "フランス語",
    it: "イタリア語",
    nl: "オランダ語",
    cs: "チェコ語",
  },
  ko: {
    vi: "베트남어",
    en: "영어",
    ja: "일본어",
    ko: "한국어",
    zh: "중국어",
    de: "독일어",
    fr: "프랑스어",
    it: "이탈리아어",
    nl: "네덜란드어",
    cs: "체코어",
  },
  "zh-Hant": { vi: "越南語", en: "英語", ja: "日語", ko: "韓語", zh: "中文", de: "德語", fr: "法語", it: "義大利語", nl: "荷蘭語", cs: "捷克語" },
};

/** Intl formatters are costly to build: one of each kind per locale. */
const formatters = new Map<Locale, { numbers: Intl.NumberFormat; languages: Intl.DisplayNames; regions: Intl.DisplayNames }>();
function formattersFor(locale: Locale) {
  let f = formatters.get(locale);
  if (!f) {
    f = {
      numbers: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      languages: new Intl.DisplayNames([locale], { type: "language", fallback: "code" }),
      regions: new Intl.DisplayNames([locale], { type: "region", fallback: "code" }),
    };
    formatters.set(locale, f);
  }
  return f;
}

function languageName(tag: string, locale: Locale): string {
  const base = spokenLanguage(tag);
  return LANGUAGE_NAMES[locale][base] ?? formattersFor(locale).languages.of(base) ?? base;
}

function countryName(country: string, locale: Locale): string {
  return formattersFor(locale).regions.of(country) ?? country;
}

/**
 * A label as it reads inside a sentence: English and Vietnamese labels are capitalised as titles
 * ("Servo presses", "Máy dập servo"), so the first letter is lowered unless the word is an acronym
 * or mixed case ("CNC machine tools", "IoT sensors" stay).
 */
function inSentence(label: string, locale: Locale): string {
  if (locale !== "en" && locale !== "vi") return label;
  const first = label.split(/\s/)[0] ?? "";
  const rest = first.slice(1);
  return rest.length > 0 && rest === rest.toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

interface Fmt {
  label: (code: string) => string;
  language: (tag: string) => string;
  country: (code: string) => string;
  number: (n: number) => string;
}
type Templates = { [C in MatchReasonCode]: (reason: Extract<MatchReason, { code: C }>, f: Fmt) => string };

const TEMPLATES: Record<Locale, Templates> = {
  vi: {
    offerMeetsNeed: (r, f) =>
      r.needer === "you"
        ? `Bạn cần ${f.label(r.need)}; đối tác cung cấp ${f.label(r.offer)}`
        : `Đối tác cần ${f.label(r.need)}; bạn cung cấp ${f.label(r.offer)}`,
    capabilityMeetsRequirement: (r, f) =>
      r.requirer === "they"
        ? `Đối tác tìm nhà cung cấp ${f.label(r.required)}; bạn có năng lực ${f.label(r.held)}`
        : `Bạn tìm nhà cung cấp ${f.label(r.required)}; đối tác có năng lực ${f.label(r.held)}`,
    certificationHeld: (r, f) =>
      r.requirer === "they"
        ? `Bạn có chứng nhận ${f.label(r.certification)} mà đối tác yêu cầu`
        : `Đối tác có chứng nhận ${f.label(r.certification)} mà bạn yêu cầu`,
    capacityMeets: (r, f) =>
      `Công suất ${f.number(r.capacity)}/tháng, đáp ứng mức tối thiểu ${f.number(r.minimum)} mà ${r.requirer === "they" ? "đối tác" : "bạn"} yêu cầu`,
    sharedSector: (r, f) => `Cùng lĩnh vực ${f.label(r.sector)}`,
    commonLanguage: (r, f) => `Hai bên đều sử dụng ${f.language(r.language)}`,
    interpreterAvailable: (r, f) => `Có phiên dịch ${f.language(r.languages[0])} – ${f.language(r.languages[1])}`,
    workingHoursOverlap: (r, f) => `${f.number(r.hours)} giờ làm việc chung để gặp trực tuyến`,
    interestShown: () => "Đối tác đã quan tâm đến doanh nghiệp bạn",
    organiserRecommends: () => "Được Ban tổ chức giới thiệu",
    priorityCountry: (r, f) => `Đến từ ${f.country(r.country)}, quốc gia ưu tiên của chương trình`,
  },
  en: {
    offerMeetsNeed: (r, f) =>
      r.needer === "you"
        ? `You need ${f.label(r.need)}; they offer ${f.label(r.offer)}`
        : `They need ${f.label(r.need)}; you offer ${f.label(r.offer)}`,
    capabilityMeetsRequirement: (r, f) =>
      r.requirer === "they"
        ? `They source ${f.label(r.required)}; you do ${f.label(r.held)}`
        : `You source ${f.label(r.required)}; they do ${f.label(r.held)}`,
    certificationHeld: (r, f) =>
      r.requirer === "they" ? `You hold ${f.label(r.certification)}, which they require` : `Holds ${f.label(r.certification)}, which you require`,
    capacityMeets: (r, f) =>
      r.requirer === "they"
        ? `You make ${f.number(r.capacity)} a month; they need at least ${f.number(r.minimum)}`
        : `Makes ${f.number(r.capacity)} a month; you need at least ${f.number(r.minimum)}`,
    sharedSector: (r, f) => `Both work in ${f.label(r.sector)}`,
    commonLanguage: (r, f) => `Both speak ${f.language(r.language)}`,
    interpreterAvailable: (r, f) => `A ${f.language(r.languages[0])}–${f.language(r.languages[1])} interpreter is available`,
    workingHoursOverlap: (r, f) => `${f.number(r.hours)} h of common working hours online`,
    interestShown: () => "They have shown interest in your company",
    organiserRecommends: () => "Recommended by the organiser",
    priorityCountry: (r, f) => `From ${f.country(r.country)}, a priority country of the programme`,
  },
  ja: {
    offerMeetsNeed: (r, f) =>
      r.needer === "you"
        ? `貴社のニーズ「${f.label(r.need)}」に対し、先方は「${f.label(r.offer)}」を提供`
        : `先方のニーズ「${f.label(r.need)}」に対し、貴社は「${f.label(r.offer)}」を提供`,
    capabilityMeetsRequirement: (r, f) =>
      r.requirer === "they"
        ? `先方の調達品目「${f.label(r.required)}」に貴社の「${f.label(r.held)}」が対応`
        : `貴社の調達品目「${f.label(r.required)}」に先方の「${f.label(r.held)}」が対応`,
    certificationHeld: (r, f) =>
      r.requirer === "they" ? `先方が求める${f.label(r.certification)}を貴社は取得済み` : `貴社が求める${f.label(r.certification)}を先方は取得済み`,
    capacityMeets: (r, f) =>
      r.requirer === "they"
        ? `貴社の月産能力${f.number(r.capacity)}は先方の最低要件${f.number(r.minimum)}を満たします`
        : `先方の月産能力${f.number(r.capacity)}は貴社の最低要件${f.number(r.minimum)}を満たします`,
    sharedSector: (r, f) => `同じ分野（${f.label(r.sector)}）`,
    commonLanguage: (r, f) => `双方とも${f.language(r.language)}で対応可能`,
    interpreterAvailable: (r, f) => `${f.language(r.languages[0])}・${f.language(r.languages[1])}の通訳を手配可能`,
    workingHoursOverlap: (r, f) => `オンラインで共通の勤務時間が${f.number(r.hours)}時間あります`,
    interestShown: () => "先方が貴社に関心を示しています",
    organiserRecommends: () => "主催者の推薦",
    priorityCountry: (r, f) => `本プログラムの重点国（${f.country(r.country)}）からの参加`,
  },
  ko: {
    offerMeetsNeed: (r, f) =>
      r.needer === "you"
        ? `귀사 수요: ${f.label(r.need)} · 상대 기업 공급: ${f.label(r.offer)}`
        : `상대 기업 수요: ${f.label(r.need)} · 귀사 공급: ${f.label(r.offer)}`,
    capabilityMeetsRequirement: (r, f) =>
      r.requirer === "they"
        ? `상대 기업 조달 품목: ${f.label(r.required)} · 귀사 보유 공정: ${f.label(r.held)}`
        : `귀사 조달 품목: ${f.label(r.required)} · 상대 기업 보유 공정: ${f.label(r.held)}`,
    certificationHeld: (r, f) =>
      r.requirer === "they"
        ? `귀사는 상대 기업이 요구하는 ${f.label(r.certification)} 인증을 보유하고 있습니다`
        : `상대 기업은 귀사가 요구하는 ${f.label(r.certification)} 인증을 보유하고 있습니다`,
    capacityMeets: (r, f) =>
      r.requirer === "they"
        ? `귀사 월 생산능력 ${f.number(r.capacity)}, 상대 기업 최소 요구량 ${f.number(r.minimum)} 충족`
        : `상대 기업 월 생산능력 ${f.number(r.capacity)}, 귀사 최소 요구량 ${f.number(r.minimum)} 충족`,
    sharedSector: (r, f) => `같은 분야: ${f.label(r.sector)}`,
    commonLanguage: (r, f) => `양측 모두 ${f.language(r.language)} 가능`,
    interpreterAvailable: (r, f) => `${f.language(r.languages[0])}·${f.language(r.languages[1])} 통역 지원 가능`,
    workingHoursOverlap: (r, f) => `온라인 공통 업무 시간 ${f.number(r.hours)}시간`,
    interestShown: () => "상대 기업이 귀사에 관심을 보였습니다",
    organiserRecommends: () => "주최 측 추천",
    priorityCountry: (r, f) => `프로그램 중점 국가(${f.country(r.country)}) 참가 기업`,
  },
  "zh-Hant": {
    offerMeetsNeed: (r, f) =>
      r.needer === "you" ? `貴公司需要${f.label(r.need)}，對方提供${f.label(r.offer)}` : `對方需要${f.label(r.need)}，貴公司提供${f.label(r.offer)}`,
    capabilityMeetsRequirement: (r, f) =>
      r.requirer === "they"
        ? `對方尋找${f.label(r.required)}供應商，貴公司具備${f.label(r.held)}能力`
        : `貴公司尋找${f.label(r.required)}供應商，對方具備${f.label(r.held)}能力`,
    certificationHeld: (r, f) =>
      r.requirer === "they" ? `貴公司持有對方要求的${f.label(r.certification)}認證` : `對方持有貴公司要求的${f.label(r.certification)}認證`,
    capacityMeets: (r, f) =>
      r.requirer === "they"
        ? `貴公司月產能${f.number(r.capacity)}，達到對方最低要求${f.number(r.minimum)}`
        : `對方月產能${f.number(r.capacity)}，達到貴公司最低要求${f.number(r.minimum)}`,
    sharedSector: (r, f) => `同屬${f.label(r.sector)}領域`,
    commonLanguage: (r, f) => `雙方皆可使用${f.language(r.language)}`,
    interpreterAvailable: (r, f) => `可安排${f.language(r.languages[0])}與${f.language(r.languages[1])}口譯`,
    workingHoursOverlap: (r, f) => `線上共同工作時間${f.number(r.hours)}小時`,
    interestShown: () => "對方已對貴公司表示興趣",
    organiserRecommends: () => "主辦單位推薦",
    priorityCountry: (r, f) => `來自本活動重點國家（${f.country(r.country)}）`,
  },
};

/** One reason as a sentence in the viewer's language. */
export function renderMatchReason(reason: MatchReason, locale: Locale, labelOf: LabelOf = taxonomyLabel): string {
  const f: Fmt = {
    label: (c) => inSentence(labelOf(c, locale), locale),
    language: (tag) => languageName(tag, locale),
    country: (c) => countryName(c, locale),
    number: (n) => formattersFor(locale).numbers.format(n),
  };
  const template = TEMPLATES[locale][reason.code] as (r: MatchReason, f: Fmt) => string;
  return template(reason, f);
}
