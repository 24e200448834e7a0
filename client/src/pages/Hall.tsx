import { Link } from "react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { companyName } from "@ketnoi/contracts";
import { useDirectory } from "../lib/queries/companies";
import { useHallLive } from "../lib/useHallVisitors";
import { countryName, localized, termLabel, formatNumber } from "../lib/labels";
import { Async } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

/**
 * The virtual exhibition hall: the foreign exhibitors' booths laid out by country (rows) or sector,
 * with the live number of people in the hall and in each booth; one click into a booth.
 */
export default function Hall() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("hall.title"));
  const l = i18n.language;
  const [by, setBy] = useState<"country" | "sector">("country");
  const { visitors, booths: live } = useHallLive();
  const exhibitors = useDirectory("?kind=foreign&pageSize=100&sort=country");
  return (
    <>
      <h1>{t("hall.title")}</h1>
      <p className="live-count" aria-live="polite">
        {visitors === null ? t("hall.connecting") : t("home.visitorsOnline", { count: visitors })}
      </p>
      <fieldset className="tabs" aria-label={t("hall.layout")}>
        <button type="button" aria-pressed={by === "country"} className={by === "country" ? "" : "secondary"} onClick={() => setBy("country")}>
          {t("hall.byCountry")}
        </button>
        <button type="button" aria-pressed={by === "sector"} className={by === "sector" ? "" : "secondary"} onClick={() => setBy("sector")}>
          {t("hall.bySector")}
        </button>
      </fieldset>
      <Async query={exhibitors} isEmpty={(d) => d.total === 0} empty={t("hall.empty")}>
        {(page) => {
          const groups = new Map<string, typeof page.data>();
          for (const c of page.data)
            for (const key of by === "country" ? [c.country] : c.sectors.slice(0, 1)) groups.set(key, [...(groups.get(key) ?? []), c]);
          return [...groups]
            .sort((a, b) => b[1].length - a[1].length)
            .map(([key, booths]) => (
              <section key={key} className="hall-row" aria-labelledby={`row-${key}`}>
                <h2 id={`row-${key}`}>
                  {by === "country" ? countryName(key, l) : termLabel(key, l)} <small className="muted">({formatNumber(booths.length, l)})</small>
                </h2>
                <ul className="booths">
                  {booths.map((c) => (
                    <li key={c.id}>
                      <Link to={`/booths/${c.id}`} className="booth-tile">
                        <strong>{companyName(c, l)}</strong>
                        <span className="muted">
                          {countryName(c.country, l)} · {c.sectors.map((s) => termLabel(s, l)).join(", ")}
                        </span>
                        {c.booth?.headline && <span>{localized(c.booth.headline, l)}</span>}
                        <span className={`booth-live${live[c.id] ? " busy" : ""}`} data-testid="booth-visitors">
                          {t("hall.boothVisitors", { count: live[c.id] ?? 0 })}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ));
        }}
      </Async>
    </>
  );
}
