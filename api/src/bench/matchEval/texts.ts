import { taxonomyLabel, type Locale, type LocalizedText } from "@ketnoi/contracts";

/**
 * Free text as firms type it, in one language per firm: the evaluation set writes needs, offers,
 * requirements and descriptions this way so that matching is tested on mixed-language profiles.
 */
const PHRASES: Record<"profile" | "need" | "buyers" | "offer" | "requirement", Record<Locale, (label: string) => string>> = {
  profile: {
    vi: (l) => `Doanh nghiệp Hà Nội, năng lực chính: ${l}.`,
    en: (l) => `Hanoi manufacturer; main capability: ${l}.`,
    ja: (l) => `${l}を得意とするハノイの製造企業です。`,
    ko: (l) => `${l} 전문 하노이 제조기업입니다.`,
    "zh-Hant": (l) => `專精${l}的河內製造企業。`,
  },
  need: {
    vi: (l) => `Nhu cầu đầu tư để nâng cao năng suất: ${l}.`,
    en: (l) => `Investing to raise output: ${l}.`,
    ja: (l) => `生産性向上のため${l}の導入を検討しています。`,
    ko: (l) => `생산성 향상을 위해 ${l} 도입을 검토하고 있습니다.`,
    "zh-Hant": (l) => `為提升產能，計畫導入${l}。`,
  },
  buyers: {
    vi: (l) => `Tìm khách hàng FDI trong lĩnh vực: ${l}.`,
    en: (l) => `Looking for FDI buyers in: ${l}.`,
    ja: (l) => `${l}分野の外資系顧客を探しています。`,
    ko: (l) => `${l} 분야의 외국인 투자 기업 고객을 찾고 있습니다.`,
    "zh-Hant": (l) => `尋找${l}領域的外資客戶。`,
  },
  offer: {
    vi: (l) => `${l} cho doanh nghiệp Việt Nam, lắp đặt và hỗ trợ tại chỗ.`,
    en: (l) => `${l} for Vietnamese manufacturers, installed and supported locally.`,
    ja: (l) => `ベトナムの製造業向けに${l}を提供し、現地で据付・サポートします。`,
    ko: (l) => `베트남 제조기업에 ${l} 공급, 현지 설치 및 지원.`,
    "zh-Hant": (l) => `為越南製造商提供${l}，並提供在地安裝與支援。`,
  },
  requirement: {
    vi: (l) => `Tìm nhà cung cấp tại Hà Nội: ${l}.`,
    en: (l) => `Sourcing in Hanoi: ${l}.`,
    ja: (l) => `ベトナム工場向けに、ハノイで${l}の調達先を探しています。`,
    ko: (l) => `베트남 공장을 위해 하노이에서 ${l} 협력사를 찾고 있습니다.`,
    "zh-Hant": (l) => `為越南工廠在河內尋找${l}供應商。`,
  },
};

/** A sentence about a taxonomy code in one language. */
export function textAbout(kind: keyof typeof PHRASES, code: string, locale: Locale): LocalizedText {
  return { [locale]: PHRASES[kind][locale](taxonomyLabel(code, locale)) };
}
