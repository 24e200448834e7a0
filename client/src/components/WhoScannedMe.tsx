import { useTranslation } from "react-i18next";
import { send } from "../lib/api";
import { countryName } from "../lib/labels";
import { keys } from "../lib/queries/keys";
import { useBadgeScans } from "../lib/queries/leads";
import { useWrite } from "../lib/queries/write";
import { dateTimeIn, viewerTimeZone } from "../lib/time";
import { Async, Failure } from "./States";

/**
 * Who scanned my badge at their booth (Decree 13/2023/ND-CP: the scan was my consent to share my
 * contact with that firm): each firm and when, and withdrawing, which takes me off its leads at once.
 */
export function WhoScannedMe() {
  const { t, i18n } = useTranslation();
  const scans = useBadgeScans();
  const withdraw = useWrite((id: string) => send("DELETE", `/me/badge-scans/${id}`), [keys.me.badgeScans]);
  return (
    <section className="panel" aria-labelledby="scans-title">
      <h2 id="scans-title">{t("account.scans")}</h2>
      <p className="muted">{t("account.scansHint")}</p>
      <Async query={scans} empty={t("account.noScans")} isEmpty={(d) => d.data.length === 0}>
        {(d) => (
          <ul>
            {d.data.map((s) => (
              <li key={s.id}>
                <strong id={`scan-${s.id}`}>{s.company.name}</strong> · {countryName(s.company.country, i18n.language)} ·{" "}
                {dateTimeIn(Date.parse(s.scannedAt), viewerTimeZone(), i18n.language)}{" "}
                <button
                  type="button"
                  className="secondary"
                  aria-describedby={`scan-${s.id}`}
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(s.id)}
                >
                  {t("account.withdraw")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Async>
      <Failure error={withdraw.error} />
    </section>
  );
}
