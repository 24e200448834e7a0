import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { companyName, type CompanyCard } from "@ketnoi/contracts";
import { RequireRole } from "../../components/RequireRole";
import { Async, Failure } from "../../components/States";
import { approveCompany, useCompanyWrite, useDirectory } from "../../lib/queries/companies";
import { countryName } from "../../lib/labels";
import { StuckMail } from "./StuckMail";
import { usePageTitle } from "../../lib/usePageTitle";

// The titles and hints are keys of the catalogue (checked: `as const` keeps their literal types).
const SECTIONS = [
  ["/organiser/setup", "setup.title", "console.setupHint"],
  ["/organiser/programme", "programme.title", "console.programmeHint"],
  ["/organiser/interpreters", "interpreters.title", "console.interpretersHint"],
  ["/organiser/scheduler", "common.nav.scheduler", "console.schedulerHint"],
  ["/organiser/check-in", "common.nav.checkIn", "console.checkInHint"],
  ["/organiser/dashboard", "common.nav.dashboard", "console.dashboardHint"],
  ["/organiser/companies", "console.companies", "console.companiesHint"],
  ["/companies", "common.nav.directory", "console.directoryHint"],
] as const;

/**
 * Firms that signed up themselves and wait for an organiser: until approved they cannot ask anyone
 * to meet and are not in the directory. Each opens its profile; approving tells its members.
 */
function Approvals() {
  const { t, i18n } = useTranslation();
  const pending = useDirectory("?status=pending&pageSize=100");
  // An approved firm stays in the list, marked approved, until the page is left (the list read again no longer has it).
  const [approved, setApproved] = useState<CompanyCard[]>([]);
  const isApproved = (c: CompanyCard) => approved.some((a) => a.id === c.id);
  const approve = useCompanyWrite(approveCompany);
  return (
    <section className="panel" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t("console.approvals")}</h2>
      <Async query={pending} isEmpty={(p) => p.data.length === 0 && approved.length === 0} empty={t("console.noApprovals")}>
        {(page) => (
          <ul className="list approvals">
            {[...page.data.filter((c) => !isApproved(c)), ...approved].map((c) => (
              <li key={c.id} className="approval">
                <span>
                  <Link to={`/companies/${c.id}`}>{companyName(c, i18n.language)}</Link>{" "}
                  <small className="muted">
                    {t(`directory.kind.${c.kind}`)} · {countryName(c.country, i18n.language)}
                  </small>
                </span>
                {isApproved(c) ? (
                  <span className="status status-booked">{t("console.approved")}</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => approve.mutate(c.id, { onSuccess: () => setApproved((list) => [...list, c]) })}
                    aria-label={t("console.approveName", { name: companyName(c, i18n.language) })}
                  >
                    {t("console.approve")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
      <Failure error={approve.error} />
    </section>
  );
}

/** The organisers' console: registrations to approve, and where each part of running the fair lives. */
export default function Console() {
  const { t } = useTranslation();
  usePageTitle(t("console.title"));
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
                <h2 className="h3">
                  <Link to={to}>{t(title)}</Link>
                </h2>
                <p className="muted">{t(hint)}</p>
              </article>
            ))}
          </div>
        </>
      )}
    </RequireRole>
  );
}
