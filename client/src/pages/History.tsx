import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { MEETING_OUTCOMES, type HistoryCounts, type HistoryEvent, type HistoryMeeting } from "@ketnoi/contracts";
import { useFirmHistory } from "../lib/queries/history";
import { countryName, localized } from "../lib/labels";
import { eventDates, timeIn, viewerTimeZone } from "../lib/time";
import { dateTimeIn, dayIn, rangeIn, zones } from "../lib/slotTime";
import { useFairZoneLabel } from "../components/fairZone";
import { RequireRole } from "../components/RequireRole";
import { Async } from "../components/States";
import { OutcomeForm } from "../components/OutcomeForm";
import { usePageTitle } from "../lib/usePageTitle";

/** Meetings held and each outcome, as a list of figures named by `label`. */
function Counts({ counts, label }: { counts: HistoryCounts; label: string }) {
  const { t } = useTranslation();
  return (
    <dl className="facts-list history-counts" aria-label={label}>
      <div>
        <dt>{t("data.meetingsHeld")}</dt>
        <dd>{counts.meetingsHeld}</dd>
      </div>
      {MEETING_OUTCOMES.map((o) => (
        <div key={o}>
          <dt>{t(`meeting.outcome.${o}`)}</dt>
          <dd>{counts.outcomes[o]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** When a meeting was, in the viewer's zone, with the event's time beside it when the two differ. */
function MeetingTime({ m, eventZone }: { m: HistoryMeeting; eventZone: string }) {
  const { i18n } = useTranslation();
  const l = i18n.language;
  const z = zones(m.start, eventZone);
  const eventLabel = useFairZoneLabel(z.fair, m.start);
  const span = (zone: string) => (m.end ? rangeIn(m.start, m.end, zone, l) : timeIn(m.start, zone, l));
  return (
    <span className="slot-time">
      <time dateTime={m.start}>
        {dayIn(m.start, z.viewer, l)} {span(z.viewer)}
      </time>
      {z.differs && (
        <small className="fair-zone">
          {" "}
          · {eventLabel} {dayIn(m.start, z.fair, l)} {span(z.fair)}
        </small>
      )}
    </span>
  );
}

/** One meeting: with whom, when, how, its status, what each side recorded, and (while open) my firm's outcome to record or change. */
function MeetingItem({ m, mine, eventZone }: { m: HistoryMeeting; mine: string; eventZone: string }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const [open, setOpen] = useState(false);
  const own = m.outcomes.find((o) => o.companyId === mine);
  const titleId = `history-${m.id}`;
  return (
    <li className="card history-meeting">
      <h3 id={titleId}>
        <Link to={`/companies/${m.partner.id}`}>{m.partner.name || "?"}</Link>{" "}
        {m.partner.country && <small className="muted">({countryName(m.partner.country, l)})</small>}
      </h3>
      <p className="meta">
        <MeetingTime m={m} eventZone={eventZone} />
        {m.mode && <span>{t(`common.meeting.modePref.${m.mode}`)}</span>}
        <span className={`status status-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
      </p>
      {m.outcomes.length ? (
        <ul className="history-outcomes" aria-label={t("history.outcomesOf", { name: m.partner.name })}>
          {m.outcomes.map((o) => (
            <li key={o.companyId}>
              {t("history.outcomeBy", {
                who: o.companyId === mine ? t("history.ourFirm") : m.partner.name,
                outcome: t(`meeting.outcome.${o.outcome}`),
                when: dateTimeIn(o.at, viewerTimeZone(), l),
              })}
              {o.note && <q className="muted"> {o.note}</q>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("history.noOutcome")}</p>
      )}
      {m.outcomeOpen && (
        <>
          <button type="button" className="secondary" aria-expanded={open} aria-describedby={titleId} onClick={() => setOpen(!open)}>
            {own ? t("history.changeOutcome") : t("history.recordOutcome")}
          </button>
          {open && <OutcomeForm meetingId={m.id} titleId={`${titleId}-outcome`} level={4} {...(own ? { current: own } : {})} />}
        </>
      )}
    </li>
  );
}

function EventSection({ event, mine }: { event: HistoryEvent; mine: string }) {
  const { t, i18n } = useTranslation();
  const name = localized(event.name, i18n.language);
  const id = `history-event-${event.slug}`;
  return (
    <section className="panel history-event" aria-labelledby={id}>
      <h2 id={id}>{name}</h2>
      <p className="muted">
        {t(`events.kind.${event.kind}`)} · {eventDates(event.days, i18n.language)}
      </p>
      <Counts counts={event.counts} label={t("history.countsOf", { event: name })} />
      {event.meetings.length ? (
        <ol className="list history-meetings" aria-label={t("history.meetingsAt", { event: name })}>
          {event.meetings.map((m) => (
            <MeetingItem key={m.id} m={m} mine={mine} eventZone={event.timeZone} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t("history.noMeetings")}</p>
      )}
    </section>
  );
}

export function HistoryFor({ mine }: { mine: string }) {
  const { t } = useTranslation();
  return (
    <Async query={useFirmHistory()} empty={t("history.empty")} isEmpty={(h) => h.events.length === 0}>
      {(h) => (
        <>
          <section className="panel" aria-labelledby="history-totals">
            <h2 id="history-totals">{t("history.totals")}</h2>
            <Counts counts={h.totals} label={t("history.totals")} />
          </section>
          {h.events.map((e) => (
            <EventSection key={e.slug} event={e} mine={mine} />
          ))}
        </>
      )}
    </Async>
  );
}

/** My firm's history: every meeting and its outcomes across the programme's events, newest event first, with the figures. */
export default function History() {
  const { t } = useTranslation();
  usePageTitle(t("history.title"));
  return (
    <>
      <h1>{t("history.title")}</h1>
      <p className="muted">{t("history.intro")}</p>
      <RequireRole roles={["domestic", "vendor"]}>{(user) => <HistoryFor mine={user.companyId ?? ""} />}</RequireRole>
    </>
  );
}
