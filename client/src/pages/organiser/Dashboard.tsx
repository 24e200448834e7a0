import { useTranslation } from "react-i18next";
import type { FairSummary, MeetingView, PlanTargets } from "@ketnoi/contracts";
import { MEETING_OUTCOMES, type MeetingOutcome } from "@ketnoi/contracts";
import { useFairSummary, useFairTargets } from "../../lib/queries/fair";
import { useMeetings } from "../../lib/queries/meetings";
import { countryName, formatNumber, termLabel } from "../../lib/labels";
import { RequireRole } from "../../components/RequireRole";
import { Async } from "../../components/States";
import { BarChart } from "../../components/BarChart";
import { usePageTitle } from "../../lib/usePageTitle";
import { ProgrammeYear } from "./ProgrammeYear";

// Programme targets from the city's plans (../shared/docs/domain.md): Plan 35/KH-UBND and Plan 267/KH-UBND.
// What counts towards them (which certificates, which countries, makers not buyers) the api decides.
const TARGETS = { domesticFirms: 920, certifiedFirms: 300, foreignMakers: [30, 40] as const };

function Progress({ label, value, target, targetText, hint }: { label: string; value: number; target: number; targetText: string; hint?: string }) {
  const { i18n } = useTranslation();
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <strong>
          {formatNumber(value, i18n.language)} / {targetText}
        </strong>
      </div>
      <meter min={0} max={target} value={Math.min(value, target)} low={target * 0.5} high={target * 0.9} optimum={target} aria-label={label} />
      {hint && <p className="muted">{hint}</p>}
    </div>
  );
}

function Figures({ fair, meetings, targets }: { fair: FairSummary; meetings: MeetingView[]; targets: PlanTargets }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const count = (f: (m: MeetingView) => boolean) => meetings.filter(f).length;
  const accepted = (m: MeetingView) => ["booked", "held", "no_show"].includes(m.status) || (m.status === "cancelled" && Boolean(m.slot));
  const outcomes = new Map<MeetingOutcome, number>(MEETING_OUTCOMES.map((o) => [o, 0]));
  for (const m of meetings) for (const o of Object.values(m.outcomes)) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
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
          <div>
            <dt>{t("home.domestic")}</dt>
            <dd>{formatNumber(fair.counts.domestic, l)}</dd>
          </div>
          <div>
            <dt>{t("home.foreign")}</dt>
            <dd>{formatNumber(fair.counts.foreign, l)}</dd>
          </div>
          <div>
            <dt>{t("dash.meetings")}</dt>
            <dd>{formatNumber(meetings.length, l)}</dd>
          </div>
        </dl>
        <div className="columns">
          <BarChart
            title={t("home.byCountry")}
            data={Object.entries(fair.counts.byCountry)
              .sort((a, b) => b[1] - a[1])
              .map(([c, n]) => [countryName(c, l), n])}
          />
          <BarChart
            title={t("home.bySector")}
            data={Object.entries(fair.counts.bySector)
              .sort((a, b) => b[1] - a[1])
              .map(([c, n]) => [termLabel(c, l), n])}
          />
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
        <Progress
          label={t("dash.targetDomestic")}
          value={targets.domesticFirms}
          target={TARGETS.domesticFirms}
          targetText={formatNumber(TARGETS.domesticFirms, l)}
        />
        <Progress
          label={t("dash.targetCertified")}
          value={targets.certifiedFirms}
          target={TARGETS.certifiedFirms}
          targetText={formatNumber(TARGETS.certifiedFirms, l)}
          hint={t("dash.certifiedHint", { standards: targets.standards.map((c) => termLabel(c, l)).join(", ") })}
        />
        <Progress
          label={t("dash.targetMakers")}
          value={targets.technologyMakers}
          target={TARGETS.foreignMakers[1]}
          targetText={`${TARGETS.foreignMakers[0]}–${TARGETS.foreignMakers[1]}`}
          hint={t("dash.makersHint")}
        />
      </section>
      {/* The year's programme across all its events: the year of this fair's last day to begin with. */}
      <ProgrammeYear defaultYear={Number(fair.days.at(-1)?.slice(0, 4)) || new Date().getFullYear()} />
    </>
  );
}

function DashboardData() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const targets = useFairTargets();
  return (
    <Async query={useFairSummary()} empty={t("state.empty")}>
      {(fair) => (
        <Async query={meetings} empty={t("state.empty")}>
          {(list) => (
            <Async query={targets} empty={t("state.empty")}>
              {(goals) => <Figures fair={fair} meetings={list} targets={goals} />}
            </Async>
          )}
        </Async>
      )}
    </Async>
  );
}

/** The organisers' dashboard: who takes part, how meetings go (requested, accepted, held onsite/online, no-shows, outcomes) and the plan targets. */
export default function Dashboard() {
  const { t } = useTranslation();
  usePageTitle(t("dash.title"));
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("dash.title")}</h1>
          <DashboardData />
        </>
      )}
    </RequireRole>
  );
}
