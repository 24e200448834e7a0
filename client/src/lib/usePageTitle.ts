import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * The browser tab's title for a page, in the reader's language: "<page> · Ketnoi" (just "Ketnoi"
 * while the page's own name is not known yet). Every page calls it once.
 */
export function usePageTitle(page: string | undefined) {
  const { t } = useTranslation();
  const app = t("common.app.name");
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
