import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../lib/usePageTitle";

export default function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <section className="panel">
      <h1>{t("notFound.title")}</h1>
      <Link to="/">{t("notFound.back")}</Link>
    </section>
  );
}
