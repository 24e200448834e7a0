import { Link, Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { LOCALES, isLocale } from "@ketnoi/contracts";
import { setLocale } from "../i18n";

const LANGUAGE_NAMES: Record<string, string> = { vi: "Tiếng Việt", en: "English", ja: "日本語", ko: "한국어", "zh-Hant": "繁體中文" };

export function Layout() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">{t("nav.skip")}</a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={t("nav.home")}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t("app.name")}</span>
        </Link>
        <label className="lang">
          <span>{t("lang.label")}</span>
          <select value={i18n.language} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
