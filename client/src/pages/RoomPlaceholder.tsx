import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";

/**
 * The meeting's video room (/meetings/:id/room) belongs to the realtime/video work (issue #6), which
 * replaces this placeholder route element with its room page.
 */
export default function RoomPlaceholder() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t("roomPlaceholder.title")}</h1>
      <p role="status">{t("roomPlaceholder.coming")}</p>
      <Link to={`/meetings/${id}`}>{t("roomPlaceholder.back")}</Link>
    </section>
  );
}
