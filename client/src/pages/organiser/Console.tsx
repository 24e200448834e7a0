import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { companyName, type CompanyCard, type DirectoryPage } from "@ketnoi/contracts";
import { RequireRole } from "../../components/RequireRole";
import { Async, Notice } from "../../components/States";
import { useLoad } from "../../lib/useLoad";
import { errorText, send } from "../../lib/api";
import { countryName } from "../../lib/labels";
import { StuckMail } from "./StuckMail";

const SECTIONS: [string, string, string][] = [
  ["/organiser/setup", "setup.title", "console.setupHint"],
  ["/organiser/programme", "programme.title", "console.programmeHint"],
  ["/organiser/interpreters", "interpreters.title", "console.interpretersHint"],
  ["/organiser/scheduler", "nav.scheduler", "console.schedulerHint"],
  ["/organiser/check-in", "nav.checkIn", "console.checkInHint"],
  ["/organiser/dashboard", "nav.dashboard", "console.dashboardHint"],
  ["/organiser/companies", "console.companies", "console.companiesHint"],
  ["/companies", "nav.directory", "console.directoryHint"],
];

/**
 * Firms that signed up themselves and wait for an organiser: until approved they cannot ask anyone
 * to meet and are not in the directory. Each opens its profile; approving tells its members.
 */
function Approvals() {
  const { t, i18n } = useTranslation();
  const { result, reload } = useLoad<DirectoryPage>("/companies?status=pending&pageSize=100", (p) => p.data.length === 0);
  const [approved, setApproved] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const approve = async (c: CompanyCard) => {
    setFailure(null);
    try {
      await send("POST", `/companies/${c.id}/approve`, {});
      setApproved((ids) => [...ids, c.id]);
    } catch (e) {
      setFailure(errorText(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t("console.approvals")}</h2>
      <Async result={result} reload={reload} empty={t("console.noApprovals")}>
        {(page) => (
          <ul className="list approvals">
            {page.data.map((c) => (
              <li key={c.id} className="approval">
                <span>
                  <Link to={`/companies/${c.id}`}>{companyName(c, i18n.language)}</Link>{" "}
                  <small className="muted">{t(`directory.kind.${c.kind}`)} · {countryName(c.country, i18n.language)}</small>
                </span>
                {approved.includes(c.id) ? (
                  <span className="status status-booked">{t("console.approved")}</span>
                ) : (
                  <button type="button" onClick={() => void approve(c)} aria-label={t("console.approveName", { name: companyName(c, i18n.language) })}>{t("console.approve")}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
      {failure && <Notice kind="error">{failure}</Notice>}
    </section>
  );
}

/** The organisers' console: registrations to approve, and where each part of running the fair lives. */
export default function Console() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("console.title")}</h1>
          <Approvals />
          <StuckMail />
          <div className="grid">
            {SECTIONS.map(([to, title, hint]) => (
              <article key={to} className="card">
                <h2 className="h3"><Link to={to}>{t(title)}</Link></h2>
                <p className="muted">{t(hint)}</p>
              </article>
            ))}
          </div>
        </>
      )}
    </RequireRole>
  );
}
