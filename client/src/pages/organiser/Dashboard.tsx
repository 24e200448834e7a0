import { useTranslation } from "react-i18next";
import type { DirectoryPage, FairSummary, MeetingView } from "@ketnoi/contracts";
import { MEETING_OUTCOMES } from "@ketnoi/contracts";
import { useLoad } from "../../lib/useLoad";
import { countryName, formatNumber, termLabel } from "../../lib/labels";
import { RequireRole } from "../../components/RequireRole";
import { Async } from "../../components/States";
import { BarChart } from "../../components/BarChart";

// Programme targets from the city's plans (../shared/docs/domain.md): Plan 35/KH-UBND and Plan 267/KH-UBND.
const TARGETS = { domesticFirms: 920, certifiedFirms: 300, foreignMakers: [30, 40] as const };
const TECH_COUNTRIES = new Set(["US", "JP", "KR", "DE", "FR", "IT", "NL", "CZ", "AT", "BE", "ES", "SE", "FI", "DK", "PL", "IE", "PT"]);

function Progress({ label, value, target, targetText }: { label: string; value: number; target: number; targetText: string }) {
  const { i18n } = useTranslation();
  return (
    <div className="progress">
      <div className="progress-head"><span>{label}</span><strong>{formatNumber(value, i18n.language)} / {targetText}</strong></div>
      <meter min={0} max={target} value={Math.min(value, target)} low={target * 0.5} high={target * 0.9} optimum={target} aria-label={label} />
    </div>
  );
}

function Figures({ fair, meetings, certified }: { fair: FairSummary; meetings: MeetingView[]; certified: number }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const count = (f: (m: MeetingView) => boolean) => meetings.filter(f).length;
  const accepted = (m: MeetingView) => ["booked", "held", "no_show"].includes(m.status) || (m.status === "cancelled" && Boolean(m.slot));
  const outcomes = new Map<string, number>(MEETING_OUTCOMES.map((o) => [o, 0]));
  for (const m of meetings) for (const o of Object.values(m.outcomes)) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
  const foreignMakers = Object.entries(fair.counts.byCountry).filter(([c]) => TECH_COUNTRIES.has(c)).reduce((s, [, n]) => s + n, 0);
  const funnel: [string, number][] = [
    [t("dash.requested"), meetings.length],
    [t("dash.accepted"), count(accepted)],
    [t("dash.heldOnsite"), count((m) => m.status === "held" && m.mode === "onsite")],
    [t("dash.heldOnline"), count((m) => m.status === "held" && m.mode === "online")],
    [t("dash.noShows"), count((m) => m.status === "no_show")],
  ];
  const booked: [string, number][] = [
    [t("dash.bookedOnsite"), count((m) => accepted(m) && m.mode === "onsite")],
    [t("dash.bookedOnline"), count((m) => accepted(m) && m.mode === "online")],
  ];
  return (
    <>
      <section className="panel" aria-labelledby="dash-firms">
        <h2 id="dash-firms">{t("dash.companies")}</h2>
        <dl className="figures">
          <div><dt>{t("home.domestic")}</dt><dd>{formatNumber(fair.counts.domestic, l)}</dd></div>
          <div><dt>{t("home.foreign")}</dt><dd>{formatNumber(fair.counts.foreign, l)}</dd></div>
          <div><dt>{t("dash.meetings")}</dt><dd>{formatNumber(meetings.length, l)}</dd></div>
        </dl>
        <div className="columns">
          <BarChart title={t("home.byCountry")} data={Object.entries(fair.counts.byCountry).sort((a, b) => b[1] - a[1]).map(([c, n]) => [countryName(c, l), n])} />
          <BarChart title={t("home.bySector")} data={Object.entries(fair.counts.bySector).sort((a, b) => b[1] - a[1]).map(([c, n]) => [termLabel(c, l), n])} />
        </div>
      </section>
      <section className="panel" aria-labelledby="dash-meetings">
        <h2 id="dash-meetings">{t("dash.meetingsTitle")}</h2>
        <div className="columns">
          <BarChart title={t("dash.funnel")} data={funnel} />
          <BarChart title={t("dash.modes")} data={booked} />
          <BarChart title={t("dash.outcomes")} data={[...outcomes].map(([o, n]) => [t(`meeting.outcome.${o}`), n])} />
        </div>
      </section>
      <section className="panel" aria-labelledby="dash-targets">
        <h2 id="dash-targets">{t("dash.targets")}</h2>
        <p className="muted">{t("dash.targetsHint")}</p>
        <Progress label={t("dash.targetDomestic")} value={fair.counts.domestic} target={TARGETS.domesticFirms} targetText={formatNumber(TARGETS.domesticFirms, l)} />
        <Progress label={t("dash.targetCertified")} value={certified} target={TARGETS.certifiedFirms} targetText={formatNumber(TARGETS.certifiedFirms, l)} />
        <Progress label={t("dash.targetMakers")} value={foreignMakers} target={TARGETS.foreignMakers[1]} targetText={`${TARGETS.foreignMakers[0]}–${TARGETS.foreignMakers[1]}`} />
      </section>
    </>
  );
}

function DashboardData() {
  const { t } = useTranslation();
  const fair = useLoad<FairSummary>("/fairs/current");
  const meetings = useLoad<MeetingView[]>("/meetings");
  const certified = useLoad<DirectoryPage>("/companies?kind=domestic&certification=cert.iso9001&pageSize=1");
  const all = { fair: fair.result, meetings: meetings.result, certified: certified.result };
  const reload = () => [fair, meetings, certified].forEach((x) => x.reload());
  const combined =
    all.fair.state === "ready" && all.meetings.state === "ready" && all.certified.state === "ready"
      ? ({ state: "ready", data: { fair: all.fair.data, meetings: all.meetings.data, certified: all.certified.data.total } } as const)
      : all.fair.state === "empty"
        ? ({ state: "empty" } as const)
        : ([all.fair, all.meetings, all.certified].find((r) => r.state === "error") as { state: "error"; error: Error } | undefined) ?? ({ state: "loading" } as const);
  return (
    <Async result={combined} reload={reload} empty={t("state.empty")}>
      {(d) => <Figures fair={d!.fair} meetings={d!.meetings} certified={d!.certified} />}
    </Async>
  );
}

/** The organisers' dashboard: who takes part, how meetings go (requested, accepted, held onsite/online, no-shows, outcomes) and the plan targets. */
export default function Dashboard() {
  const { t } = useTranslation();
  return <RequireRole roles={["organiser"]}>{() => <><h1>{t("dash.title")}</h1><DashboardData /></>}</RequireRole>;
}
