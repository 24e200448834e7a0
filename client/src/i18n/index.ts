import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, LOCALES, isLocale, negotiateLocale, type Locale } from "@ketnoi/contracts";
import vi from "./locales/vi.json";

/**
 * Vietnamese (the default and the fallback) ships with the page; every other language is its own
 * chunk, fetched when it is chosen, so a visitor downloads one or two languages, not five.
 */
const LOADERS: Record<Exclude<Locale, "vi">, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import("./locales/en.json"),
  ja: () => import("./locales/ja.json"),
  ko: () => import("./locales/ko.json"),
  "zh-Hant": () => import("./locales/zh-Hant.json"),
};
const STORAGE_KEY = "ketnoi.locale";

/** The remembered choice, else the browser's languages, else Vietnamese. */
function initialLocale(): Locale {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  if (isLocale(stored)) return stored;
  return typeof navigator !== "undefined" ? negotiateLocale(navigator.languages?.join(",")) : DEFAULT_LOCALE;
}

async function load(locale: Locale) {
  if (locale === "vi" || i18next.hasResourceBundle(locale, "translation")) return;
  i18next.addResourceBundle(locale, "translation", (await LOADERS[locale]()).default);
}

export async function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  await load(locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

/** Starts i18next in the visitor's language (its strings loaded first, so nothing flashes in another). */
export async function initI18n() {
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    resources: { vi: { translation: vi } },
    keySeparator: false,
    interpolation: { escapeValue: false },
  });
  await load(lng).catch(() => undefined); // offline: Vietnamese it is
  if (i18next.hasResourceBundle(lng, "translation")) await i18next.changeLanguage(lng);
  if (typeof document !== "undefined") document.documentElement.lang = i18next.language;
  return i18next;
}
