import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RequireRole } from "../../components/RequireRole";

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

/** The organisers' console: where each part of running the fair lives. */
export default function Console() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("console.title")}</h1>
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
