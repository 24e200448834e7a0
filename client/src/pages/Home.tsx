import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FairSummary } from "@ketnoi/contracts";
import { BarChart } from "../components/BarChart";
import { countryName, localized, termLabel } from "../lib/labels";
import { useFairSummary } from "../lib/queries/fair";
import { Async } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";
import { useHallVisitors } from "../lib/useHallVisitors";
import { eventDates, fairDate, localDay, timeIn, viewerIsElsewhere, viewerTimeZone, zoneName } from "../lib/time";
import { useEvents } from "../lib/queries/events";

function Figures({ fair }: { fair: FairSummary }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const items: [string, number][] = [
    [t("home.domestic"), fair.counts.domestic],
    [t("home.foreign"), fair.counts.foreign],
    [t("home.interpreters"), fair.counts.interpreters],
    [t("home.tables"), fair.onsiteTables],
    [t("home.onlineRooms"), fair.onlineRoomsPerSlot],
  ];
  const byCountry = Object.entries(fair.counts.byCountry)
    .filter(([c]) => c !== "VN")
    .sort((a, b) => b[1] - a[1]);
  const bySector = Object.entries(fair.counts.bySector).sort((a, b) => b[1] - a[1]);
  return (
    <section className="panel" aria-labelledby="figures">
      <h2 id="figures">{t("home.figures")}</h2>
      <dl className="figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="columns">
        <BarChart title={t("home.byCountry")} data={byCountry.map(([code, n]) => [countryName(code, i18n.language), n])} max={fair.counts.foreign} />
        <BarChart
          title={t("home.bySector")}
          data={bySector.map(([code, n]) => [termLabel(code, i18n.language), n])}
          max={fair.counts.domestic + fair.counts.foreign}
        />
      </div>
    </section>
  );
}

function Programme({ fair }: { fair: FairSummary }) {
  const { t, i18n } = useTranslation();
  const zone = viewerTimeZone();
  return (
    <section className="panel" aria-labelledby="programme">
      <h2 id="programme">{t("home.programme")}</h2>
      {fair.days.map((day) => (
        <div key={day}>
          <h3>{fairDate(day, i18n.language)}</h3>
          <ol className="programme">
            {fair.programme
              .filter((s) => localDay(s.startsAt, fair.timeZone) === day)
              .map((s) => (
                <li key={s.id}>
                  <time dateTime={s.startsAt}>
                    {timeIn(s.startsAt, fair.timeZone, i18n.language)}–{timeIn(s.endsAt, fair.timeZone, i18n.language)}
                    {viewerIsElsewhere(s.startsAt, fair.timeZone) && (
                      <small title={t("home.yourTime")}>
                        {" "}
                        ({t("home.yourTime")}: {timeIn(s.startsAt, zone, i18n.language)})
                      </small>
                    )}
                  </time>
                  <span className={`tag tag-${s.kind}`}>{t(`session.kind.${s.kind}`)}</span>
                  <strong>{localized(s.title, i18n.language)}</strong>
                  <span className="room">{localized(s.room, i18n.language)}</span>
                </li>
              ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

export default function Home() {
  const { t, i18n } = useTranslation();
  const fair = useFairSummary();
  usePageTitle(fair.data && localized(fair.data.name, i18n.language));
  return (
    <Async query={fair} empty={t("state.empty")}>
      {(data) => <FairHome fair={data} />}
    </Async>
  );
}

function FairHome({ fair }: { fair: FairSummary }) {
  const { t, i18n } = useTranslation();
  const visitors = useHallVisitors();
  return (
    <>
      <section className="hero">
        <p className="tagline">{t("app.tagline")}</p>
        <h1>{localized(fair.name, i18n.language)}</h1>
        <dl className="facts">
          <div>
            <dt>{t("home.dates")}</dt>
            <dd>{fair.days.map((d) => fairDate(d, i18n.language)).join(" – ")}</dd>
          </div>
          <div>
            <dt>{t("home.venue")}</dt>
            <dd>{localized(fair.venue, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t("home.fairTime")}</dt>
            <dd>
              {timeIn(fair.startsAt, fair.timeZone, i18n.language)}–{timeIn(fair.endsAt, fair.timeZone, i18n.language)}
              <small className="zone-name">{zoneName(fair.timeZone, i18n.language, new Date(fair.startsAt))}</small>
            </dd>
          </div>
          {viewerIsElsewhere(fair.startsAt, fair.timeZone) && (
            <div>
              <dt>{t("home.yourTime")}</dt>
              <dd>
                {timeIn(fair.startsAt, viewerTimeZone(), i18n.language)}–{timeIn(fair.endsAt, viewerTimeZone(), i18n.language)}
                <small className="zone-name">{zoneName(viewerTimeZone(), i18n.language, new Date(fair.startsAt))}</small>
              </dd>
            </div>
          )}
        </dl>
        {visitors !== null && (
          <p className="live" aria-live="polite">
            {t("home.visitorsOnline", { count: visitors })}
          </p>
        )}
      </section>
      <Figures fair={fair} />
      <OtherEvents current={fair.slug} />
      <Programme fair={fair} />
    </>
  );
}

/** The programme's other events ahead (delegation visits, online weeks, missions), with the way to all of them. */
function OtherEvents({ current }: { current: string }) {
  const { t, i18n } = useTranslation();
  const ahead = (useEvents().data?.data ?? []).filter((e) => e.when !== "past" && e.slug !== current);
  return (
    <section className="panel" aria-labelledby="other-events">
      <h2 id="other-events">{t("home.otherEvents")}</h2>
      {ahead.length > 0 && (
        <ul className="list compact">
          {ahead.map((e) => (
            <li key={e.slug}>
              <strong>{localized(e.name, i18n.language)}</strong> · {t(`events.kind.${e.kind}`)} · {eventDates(e.days, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/events">{t("home.allEvents")}</Link>
      </p>
    </section>
  );
}
