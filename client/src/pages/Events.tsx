import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventResults, EventSummary, MeetingOutcome, SessionUser } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { formatNumber, localized } from "../lib/labels";
import { eventDates } from "../lib/time";
import { keys } from "../lib/queries/keys";
import { useEvents } from "../lib/queries/events";
import { useWrite } from "../lib/queries/write";
import { useUser } from "../lib/session";
import { usePageTitle } from "../lib/usePageTitle";
import { Async, Failure, Notice } from "../components/States";

/** A firm's place in an event: registered, waiting for the organisers, or the one-click join. */
function FirmRegistration({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const join = useWrite((slug: string) => send("POST", `/fairs/${slug}/registrations`, {}), [keys.events.all]);
  if (event.registration) {
    return event.registration.status === "approved" ? (
      <Notice kind="ok">{t("events.registered")}</Notice>
    ) : (
      <p className="notice" role="status">
        {t("events.awaitingApproval")}
      </p>
    );
  }
  if (event.when === "past") return null;
  return (
    <>
      <button type="button" aria-describedby={`event-${event.slug}`} disabled={join.isPending} onClick={() => join.mutate(event.slug)}>
        {t("events.join")}
      </button>
      <Failure error={join.error} />
    </>
  );
}

/** A past event's results: meetings held and the outcomes recorded, most frequent first. */
function EventResultsLine({ results }: { results: EventResults }) {
  const { t, i18n } = useTranslation();
  const outcomes = Object.entries(results.outcomes)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0));
  return (
    <p>
      {t("events.meetingsHeld", { count: results.meetingsHeld })}
      {outcomes.length > 0 && (
        <span className="muted">
          {" "}
          ({outcomes.map(([kind, n]) => `${t(`meeting.outcome.${kind as MeetingOutcome}`)}: ${formatNumber(n ?? 0, i18n.language)}`).join(" · ")})
        </span>
      )}
    </p>
  );
}

function EventCard({ event, user }: { event: EventSummary; user: SessionUser | null }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <article className="panel" aria-labelledby={`event-${event.slug}`}>
        <h3 id={`event-${event.slug}`}>{localized(event.name, i18n.language)}</h3>
        <p className="muted">
          {t(`events.kind.${event.kind}`)} · {eventDates(event.days, i18n.language)} · {localized(event.venue, i18n.language)}
        </p>
        <p>{t("events.firms", { count: event.firms })}</p>
        {event.results && <EventResultsLine results={event.results} />}
        {user?.companyId && <FirmRegistration event={event} />}
        {user?.role === "organiser" && <Link to={`/organiser/events/${event.slug}`}>{t("events.manage")}</Link>}
      </article>
    </li>
  );
}

/** The programme's events: what is ahead (a firm joins with one click), and past events with their figures. */
export default function Events() {
  const { t } = useTranslation();
  usePageTitle(t("events.title"));
  const user = useUser();
  const events = useEvents();
  return (
    <>
      <h1>{t("events.title")}</h1>
      <Async query={events} empty={t("events.none")} isEmpty={(d) => d.data.length === 0}>
        {(d) => {
          const ahead = d.data.filter((e) => e.when !== "past");
          const past = d.data.filter((e) => e.when === "past");
          return (
            <>
              <section aria-labelledby="events-ahead">
                <h2 id="events-ahead">{t("events.ahead")}</h2>
                {ahead.length ? (
                  <ul className="list">
                    {ahead.map((e) => (
                      <EventCard key={e.slug} event={e} user={user} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("events.noneAhead")}</p>
                )}
              </section>
              {past.length > 0 && (
                <section aria-labelledby="events-past">
                  <h2 id="events-past">{t("events.past")}</h2>
                  <ul className="list">
                    {past.map((e) => (
                      <EventCard key={e.slug} event={e} user={user} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          );
        }}
      </Async>
    </>
  );
}
