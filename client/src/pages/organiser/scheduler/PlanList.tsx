import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { dateTimeIn } from "../../../lib/slotTime";
import { viewerTimeZone } from "../../../lib/time";
import { useFairTimeZone } from "../../../lib/queries/fair";
import { usePlans } from "../../../lib/queries/organiser";
import { formatNumber } from "../../../lib/labels";
import { Async } from "../../../components/States";

/**
 * The fair's plans, newest first, with their figures: a plan run earlier (or published) is found
 * and opened again after leaving the page. Running, moving and publishing read the list again.
 */
export function PlanList({ current }: { current: string | null }) {
  const { t, i18n } = useTranslation();
  const zone = useFairTimeZone() ?? viewerTimeZone();
  const n = (x: number, d = 0) => formatNumber(x, i18n.language, { maximumFractionDigits: d });
  return (
    <section className="panel" aria-labelledby="plans-title">
      <h2 id="plans-title">{t("scheduler.plans")}</h2>
      <Async query={usePlans()} isEmpty={(plans) => plans.length === 0} empty={t("scheduler.plansEmpty")}>
        {(plans) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("scheduler.created")}</th>
                  <th scope="col">{t("scheduler.plan")}</th>
                  <th scope="col">{t("scheduler.ratio")}</th>
                  <th scope="col">{t("scheduler.breaks")}</th>
                  <th scope="col">{t("scheduler.scheduled")}</th>
                  <th scope="col">{t("scheduler.unscheduled")}</th>
                  <th scope="col">{t("scheduler.interpreterRuns")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("scheduler.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => {
                  const when = dateTimeIn(p.createdAt, zone, i18n.language);
                  return (
                    <tr key={p.id} aria-current={p.id === current ? "true" : undefined}>
                      <td>{when}</td>
                      <td>
                        <span className={`status status-${p.status === "published" ? "booked" : "requested"}`}>
                          {t(`scheduler.status.${p.status}`)}
                        </span>
                        {p.replan && <span className="tag"> {t("scheduler.replanTag")}</span>}
                        {p.publishing && (
                          <small className="muted">
                            {" "}
                            {t("scheduler.publishingProgress", { done: n(p.publishing.done), total: n(p.publishing.total) })}
                          </small>
                        )}
                      </td>
                      <td>
                        {formatNumber(Math.floor(p.ratio * 10_000 + 1e-9) / 10_000, i18n.language, { style: "percent", maximumFractionDigits: 2 })}
                      </td>
                      <td>{n(p.breaks)}</td>
                      <td>{n(p.scheduled)}</td>
                      <td>{n(p.unscheduled)}</td>
                      <td>{p.interpreters ? n(p.interpreters.runsAtCap) : "—"}</td>
                      <td>
                        {p.id === current ? (
                          <small className="muted">{t("scheduler.openNow")}</small>
                        ) : (
                          <Link to={{ search: `?plan=${p.id}` }} aria-label={t("scheduler.openLabel", { when })}>
                            {t("scheduler.open")}
                          </Link>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}
