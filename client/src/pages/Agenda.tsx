import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { useMeetings, usePrefetchCheckInLinks } from "../lib/queries/meetings";
import { useFairTimeZone } from "../lib/queries/fair";
import { useMutation } from "@tanstack/react-query";
import { otherParty, upcomingAtTable } from "../lib/meetings";
import { countryName, languageName, localized } from "../lib/labels";
import { useEvents } from "../lib/queries/events";
import { fairDate, localDay, viewerTimeZone } from "../lib/time";
import { RequireRole } from "../components/RequireRole";
import { Async, Empty, Failure } from "../components/States";
import { SlotTime } from "../components/SlotTime";
import { CheckInQr } from "../components/CheckInQr";
import { usePageTitle } from "../lib/usePageTitle";

const SHOWN = new Set(["booked", "held", "no_show"]);

/** One meeting in the day view: when, with whom, where (table or video room), interpreter. */
export function AgendaItem({
  m,
  mine,
  interpreterView = false,
  eventName,
}: {
  m: MeetingView;
  mine?: string;
  interpreterView?: boolean;
  /** The meeting's event, named when the agenda holds more than one. */
  eventName?: string;
}) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const parties = interpreterView ? [m.requester, m.recipient] : [otherParty(m, mine)];
  return (
    <li className={`card agenda-item mode-${m.mode}`}>
      <div className="when">{m.slot && <SlotTime start={m.slot.start} end={m.slot.end} withDay={false} />}</div>
      <div className="what">
        <h3>
          {parties.map((p, i) => (
            <span key={p.companyId}>
              {i > 0 && " ↔ "}
              <Link to={`/companies/${p.companyId}`}>{p.name}</Link> <small className="muted">({countryName(p.country, l)})</small>
            </span>
          ))}
        </h3>
        <p className="meta">
          {eventName && <span className="event-name">{eventName}</span>}
          {m.mode === "onsite" && m.table !== undefined && <strong className="table-no">{t("agenda.table", { n: m.table })}</strong>}
          {m.mode === "online" && (
            <Link className="button-link" to={`/meetings/${m.id}/room`}>
              {t("agenda.joinOnline")}
            </Link>
          )}
          {m.interpreter && <span>{t("agenda.interpreter", { name: m.interpreter.name })}</span>}
          {m.languages && <span>{t("agenda.languages", { langs: m.languages.map((x) => languageName(x, l)).join(" ↔ ") })}</span>}
          {m.status !== "booked" && <span className={`status status-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>}
        </p>
        {!interpreterView && <Link to={`/meetings/${m.id}`}>{t("agenda.details")}</Link>}
      </div>
    </li>
  );
}

/**
 * Meetings grouped by fair day (in the fair's zone; the viewer's until the fair is read), one day
 * shown at a time (tabs), times in the viewer's zone and the fair's.
 */
export function DayView({ meetings, render }: { meetings: MeetingView[]; render: (m: MeetingView) => React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const zone = useFairTimeZone() ?? viewerTimeZone();
  const fairDayOf = (iso: string) => localDay(iso, zone);
  const days = [...new Set(meetings.map((m) => fairDayOf(m.slot!.start)))].sort();
  const day = days.includes(params.get("day") ?? "") ? params.get("day")! : days[0]!;
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t("agenda.days")}>
        {days.map((d) => (
          <button
            key={d}
            type="button"
            role="tab"
            aria-selected={d === day}
            className={d === day ? "" : "secondary"}
            onClick={() => setParams({ day: d }, { replace: true })}
          >
            {fairDate(d, i18n.language)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={fairDate(day, i18n.language)}>
        <ol className="list agenda">{meetings.filter((m) => fairDayOf(m.slot!.start) === day).map(render)}</ol>
      </div>
    </>
  );
}

/** The agenda as an .ics download and a secret feed URL (firms on their agenda, interpreters on their assignments). */
export function CalendarLinks() {
  const { t } = useTranslation();
  const create = useMutation({ mutationFn: () => send<{ url: string }>("POST", "/me/calendar-feed", {}) });
  const feed = create.data?.url ?? null;
  return (
    <section className="panel calendar" aria-labelledby="cal-title">
      <h2 id="cal-title">{t("agenda.calendar")}</h2>
      <p>
        <a className="button-link" href="/api/me/agenda.ics" download="ketnoi-agenda.ics">
          {t("agenda.downloadIcs")}
        </a>
      </p>
      <p className="muted">{t("agenda.feedHint")}</p>
      <button type="button" className="secondary" onClick={() => create.mutate()}>
        {feed ? t("agenda.newFeed") : t("agenda.createFeed")}
      </button>
      {feed && (
        <label className="field">
          <span>{t("agenda.feedUrl")}</span>
          <input readOnly value={feed} onFocus={(e) => e.target.select()} />
        </label>
      )}
      <Failure error={create.error} />
    </section>
  );
}

export default function Agenda() {
  const { t } = useTranslation();
  usePageTitle(t("agenda.title"));
  return <RequireRole roles={["domestic", "vendor"]}>{(user) => <AgendaFor mine={user.companyId ?? ""} title={t("agenda.title")} />}</RequireRole>;
}

/** The next meeting at a table with its QR code: what a firm shows on arriving, first on a phone. */
function NextAtTable({ m, mine }: { m: MeetingView; mine: string }) {
  const { t } = useTranslation();
  const other = otherParty(m, mine);
  return (
    <section className="panel qr next-table" aria-labelledby="next-table-title">
      <h2 id="next-table-title">{t("agenda.nextTable")}</h2>
      <p>
        <Link to={`/meetings/${m.id}`}>{other.name}</Link> · <strong className="table-no">{t("agenda.table", { n: m.table ?? "?" })}</strong>
        <br />
        {m.slot && <SlotTime start={m.slot.start} end={m.slot.end} />}
      </p>
      <CheckInQr meetingId={m.id} alt={t("meetingPage.qrAlt", { table: m.table ?? "" })} />
    </section>
  );
}

/** Each meeting's event name, when the meetings are of more than one event (a firm in the fair and an online week). */
function useEventNames(meetings: MeetingView[] | undefined): Map<string, string> | null {
  const { i18n } = useTranslation();
  const events = useEvents().data?.data;
  if (!meetings || new Set(meetings.map((m) => m.eventId)).size < 2 || !events) return null;
  return new Map(events.map((e) => [e.id, localized(e.name, i18n.language)]));
}

function AgendaFor({ mine, title }: { mine: string; title: string }) {
  const { t } = useTranslation();
  const query = useMeetings();
  const eventNames = useEventNames(query.data?.filter((m) => SHOWN.has(m.status)));
  // Every coming table's QR address is read now, so each one shows offline.
  usePrefetchCheckInLinks(query.data);
  const next = query.data && upcomingAtTable(query.data)[0];
  return (
    <>
      <h1>{title}</h1>
      {/* On a phone the next table's QR code comes first; on a wide screen it stands beside the days. */}
      <div className={next ? "agenda-columns" : undefined}>
        {next && <NextAtTable m={next} mine={mine} />}
        <div className="agenda-days">
          <Async query={query} empty={t("agenda.empty")}>
            {(all) => {
              const meetings = all.filter((m) => SHOWN.has(m.status) && m.slot);
              return meetings.length ? (
                <DayView meetings={meetings} render={(m) => <AgendaItem key={m.id} m={m} mine={mine} eventName={eventNames?.get(m.eventId)} />} />
              ) : (
                <Empty>
                  {t("agenda.empty")} <Link to="/companies">{t("common.nav.directory")}</Link>
                </Empty>
              );
            }}
          </Async>
          <CalendarLinks />
        </div>
      </div>
    </>
  );
}
