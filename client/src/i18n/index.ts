import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, LOCALES, isLocale, negotiateLocale, type Locale } from "@ketnoi/contracts";
import vi from "./locales/vi.json";
import en from "./locales/en.json";
import ja from "./locales/ja.json";
import ko from "./locales/ko.json";
import zhHant from "./locales/zh-Hant.json";

export const RESOURCES: Record<Locale, Record<string, string>> = { vi, en, ja, ko, "zh-Hant": zhHant };
const STORAGE_KEY = "ketnoi.locale";

/** The remembered choice, else the browser's languages, else Vietnamese. */
function initialLocale(): Locale {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  if (isLocale(stored)) return stored;
  return typeof navigator !== "undefined" ? negotiateLocale(navigator.languages?.join(",")) : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

export function initI18n() {
  const lng = initialLocale();
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: RESOURCES[l] }])),
    keySeparator: false,
    interpolation: { escapeValue: false },
  });
  if (typeof document !== "undefined") document.documentElement.lang = lng;
  return i18next;
}
