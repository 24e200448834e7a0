import { z } from "zod";
import type { Locale } from "./locales";

// The api and the client validate with the same schemas and show zod's messages in the same five
// languages, so a field's message in the browser is the one the api would answer.
const ZOD_LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  vi: z.locales.vi,
  en: z.locales.en,
  ja: z.locales.ja,
  ko: z.locales.ko,
  "zh-Hant": z.locales.zhTW,
};
const errorMaps = new Map<Locale, z.core.$ZodErrorMap>();

/** Zod's messages in one of our five languages. */
export function errorMapFor(locale: Locale): z.core.$ZodErrorMap {
  let map = errorMaps.get(locale);
  if (!map) errorMaps.set(locale, (map = ZOD_LOCALES[locale]().localeError));
  return map;
}
