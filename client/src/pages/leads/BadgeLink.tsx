import { useEffect, useRef } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { badgeCodeFrom } from "@ketnoi/contracts";
import { Loading } from "../../components/States";
import { queueLead, syncLeads } from "../../lib/leads/leadQueue";
import { queryClient } from "../../lib/queries/client";
import { leadsQuery } from "../../lib/queries/leads";
import { useSession } from "../../lib/session";
import { usePageTitle } from "../../lib/usePageTitle";

/** A firm's staff member opened a badge with the phone's own camera app: the scan is queued like the booth scanner's, then its lead is opened. */
function RecordLead({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      await queueLead(code, {}, new Date());
      // Online, the lead is there when the list opens, as the server now has it: the device's copy of
      // the list (kept for the hall's Wi-Fi) can be older, and hold a lead the visitor withdrew since.
      // Offline, or should the server not answer, the list shows the scan waiting.
      if (navigator.onLine) {
        await syncLeads();
        await queryClient.fetchQuery({ ...leadsQuery, retry: false }).catch(() => undefined);
      }
      navigate(`/leads?badge=${encodeURIComponent(code)}`, { replace: true });
    })();
  }, [code, navigate]);
  return <Loading label={t("badgePage.recording")} />;
}

/**
 * `/badge/:code`, what a printed badge's QR code holds. Anyone else is told what the badge is, and
 * never whose: the code is opaque, and only the server resolves it, for the exhibitors who scan it.
 */
export default function BadgeLink() {
  const { t } = useTranslation();
  usePageTitle(t("badgePage.title"));
  const { session } = useSession();
  const code = badgeCodeFrom(useParams().code ?? "");
  if (session.status === "loading") return <Loading />;
  const user = session.status === "signedIn" ? session.user : null;
  if (code && user?.companyId && (user.role === "domestic" || user.role === "vendor")) return <RecordLead code={code} />;
  return (
    <section className="panel" aria-labelledby="badge-title">
      <h1 id="badge-title">{t("badgePage.title")}</h1>
      <p>{t("badgePage.what")}</p>
      <p>{t("badgePage.private")}</p>
      {user ? (
        <p className="muted">{t("badgePage.onlyExhibitors")}</p>
      ) : (
        <p>
          <Link className="button-link" to={`/signin?next=${encodeURIComponent(window.location.pathname)}`}>
            {t("badgePage.signIn")}
          </Link>
        </p>
      )}
    </section>
  );
}
