import { useCallback, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { RunSchedulerBodySchema, normalizeSearchText, type AdjustPlanResult, type SchedulePlanView } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { send } from "../../lib/api";
import { keys } from "../../lib/queries/keys";
import { usePlan } from "../../lib/queries/organiser";
import { useWrite } from "../../lib/queries/write";
import { asNumber, errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { formatNumber } from "../../lib/labels";
import { RequireRole } from "../../components/RequireRole";
import { Async, Notice } from "../../components/States";
import { Field } from "../../components/Field";
import { SlotTime } from "../../components/SlotTime";
import { PlanList } from "./scheduler/PlanList";
import { MoveMeeting } from "./scheduler/MoveMeeting";
import { PublishPanel } from "./scheduler/PublishPanel";
import { PlanChanges } from "./scheduler/PlanChanges";
import { usePageTitle } from "../../lib/usePageTitle";

type Plan = SchedulePlanView;
const PAGE = 50;
const options = RunSchedulerBodySchema.shape;
/** The contract's run options, each one asked for: a field emptied is refused, not quietly run with its default. */
const RunFormSchema = RunSchedulerBodySchema.extend({
  timeLimitSeconds: options.timeLimitSeconds.unwrap(),
  proposalsPerCompany: options.proposalsPerCompany.unwrap(),
  interpreterMaxRun: options.interpreterMaxRun.unwrap(),
  replan: options.replan.unwrap(),
  placeRequests: options.placeRequests.unwrap(),
});
type RunOption = keyof z.input<typeof RunFormSchema>;

function RunForm({ onPlan }: { onPlan: (p: Plan) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: schemaResolver(RunFormSchema),
    defaultValues: {
      timeLimitSeconds: 5,
      proposalsPerCompany: 0,
      maxMeetingsPerCompany: undefined,
      interpreterMaxRun: 3,
      replan: false,
      placeRequests: true,
    },
    mode: "all",
  });
  const replan = form.watch("replan");
  const create = useWrite((body: z.output<typeof RunFormSchema>) => send<Plan>("POST", "/scheduler/plans", body), [keys.scheduler.plans]);
  const save = useSubmit(form, async (body) => {
    onPlan(await create.mutateAsync(body));
  });
  const num = (key: RunOption, label: string, hint?: string) => (
    <Field label={label} error={errorOf(form, key)} hint={hint}>
      {(p) => <input {...p} type="number" inputMode="decimal" {...form.register(key, asNumber)} />}
    </Field>
  );
  return (
    <form className="panel" onSubmit={save.onSubmit} aria-labelledby="run-title" noValidate>
      <h2 id="run-title">{t("scheduler.run")}</h2>
      <div className="row">
        {num("timeLimitSeconds", t("scheduler.timeLimit"))}
        {num("proposalsPerCompany", t("scheduler.proposals"), t("scheduler.proposalsHint"))}
        {num("maxMeetingsPerCompany", t("scheduler.cap"), t("scheduler.capHint"))}
        {num("interpreterMaxRun", t("scheduler.maxRun"), t("scheduler.maxRunHint"))}
      </div>
      <label className="choice">
        <input type="checkbox" aria-describedby="replan-hint" {...form.register("replan")} /> {t("scheduler.replan")}
      </label>
      <p id="replan-hint" className="muted">
        {t("scheduler.replanHint")}
      </p>
      {replan && (
        <label className="choice">
          <input type="checkbox" {...form.register("placeRequests")} /> {t("scheduler.placeRequests")}
        </label>
      )}
      {save.failure && <Notice kind="error">{save.failure}</Notice>}
      <button type="submit" disabled={save.busy}>
        {save.busy ? t("scheduler.running") : replan ? t("scheduler.replanButton") : t("scheduler.runButton")}
      </button>
      {save.busy && (
        <p role="status" className="muted">
          {t("scheduler.runningHint")}
        </p>
      )}
    </form>
  );
}

function Summary({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const n = (x: number, d = 1) => formatNumber(x, i18n.language, { maximumFractionDigits: d });
  // Rounded down, so a plan short of its bound never reads 100%.
  const ratio = Math.floor(plan.ratio * 10_000 + 1e-9) / 10_000; // (the epsilon: 0.29 * 10,000 is 2,899.999...)
  const items: [label: string, figure: string, note?: string][] = [
    [t("scheduler.value"), n(plan.value)],
    [t("scheduler.bound"), n(plan.upperBound)],
    [t("scheduler.ratio"), formatNumber(ratio, i18n.language, { style: "percent", maximumFractionDigits: 2 })],
    [t("scheduler.breaks"), n(plan.breaks, 0)],
    [t("scheduler.firstFit"), n(plan.firstFit.value), t("scheduler.firstFitBreaks", { breaks: n(plan.firstFit.breaks, 0) })],
    [t("scheduler.scheduled"), n(plan.assignments.length, 0)],
    [t("scheduler.unscheduled"), n(plan.unscheduled.length, 0)],
  ];
  const it = plan.interpreters;
  if (it) {
    const longest = n(it.longestRun, 0);
    items.push([
      t("scheduler.interpreterRuns"),
      n(it.runsAtCap, 0),
      it.maxRun ? t("scheduler.interpreterRunsNote", { max: n(it.maxRun, 0), longest }) : t("scheduler.interpreterRunsNoLimit", { longest }),
    ]);
    items.push([
      t("scheduler.tableDistance"),
      it.averageTableDistance === null ? "—" : n(it.averageTableDistance, 2),
      t("scheduler.tableDistanceNote"),
    ]);
  }
  return (
    <section className="panel" aria-labelledby="plan-summary">
      <h2 id="plan-summary">
        {t("scheduler.plan")}{" "}
        <span className={`status status-${plan.status === "published" ? "booked" : "requested"}`}>{t(`scheduler.status.${plan.status}`)}</span>
      </h2>
      <dl className="figures">
        {items.map(([k, v, note]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              {v}
              {note && <small>{note}</small>}
            </dd>
          </div>
        ))}
      </dl>
      <meter min={0} max={1} value={plan.ratio} aria-label={t("scheduler.ratio")} style={{ width: "100%" }} />
    </section>
  );
}

function Assignments({ plan, onChange }: { plan: Plan; onChange: (p: Plan) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState("");
  const [page, setPage] = useState(0);
  const [moving, setMoving] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  // By time, then by the parties; the filter ignores case and Vietnamese diacritics ("co khi" finds "Cơ khí").
  const rows = useMemo(() => {
    const wanted = normalizeSearchText(filter);
    return plan.assignments
      .filter((a) => !wanted || normalizeSearchText(`${a.a.name} ${a.b.name}`).includes(wanted))
      .sort((x, y) => x.slot.start.localeCompare(y.slot.start) || x.a.name.localeCompare(y.a.name));
  }, [plan, filter]);
  const moved = ({ change, ...next }: AdjustPlanResult) => {
    onChange(next);
    setMoving(null);
    setMsg(t(({ moved: "scheduler.moved", unchanged: "scheduler.unchanged", leftOut: "scheduler.leftOut" } as const)[change]));
  };
  const draft = plan.status === "draft";
  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t("scheduler.assignments")}</h2>
      <label className="filter">
        <span>{t("scheduler.filter")}</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(0);
          }}
        />
      </label>
      {msg && <Notice kind="ok">{msg}</Notice>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("scheduler.slot")}</th>
              <th scope="col">{t("scheduler.parties")}</th>
              <th scope="col">{t("scheduler.mode")}</th>
              <th scope="col">{t("scheduler.interpreter")}</th>
              <th scope="col">{t("scheduler.table")}</th>
              {draft && (
                <th scope="col">
                  <span className="sr-only">{t("scheduler.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.slice(page * PAGE, page * PAGE + PAGE).map((a) => (
              <tr key={a.meeting}>
                <td>
                  <SlotTime start={a.slot.start} end={a.slot.end} />
                </td>
                <td>
                  {a.a.name} ↔ {a.b.name} <small className="muted">({t(`scheduler.kind.${a.kind}`)})</small>
                </td>
                <td>{t(`common.meeting.modePref.${a.mode}`)}</td>
                <td>{a.interpreter?.name ?? "—"}</td>
                <td>{a.table ?? "—"}</td>
                {draft && (
                  <td>
                    {moving === a.meeting ? (
                      <MoveMeeting planId={plan.id} meeting={a.meeting} onMoved={moved} onCancel={() => setMoving(null)} />
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t("scheduler.moveLabel", { a: a.a.name, b: a.b.name })}
                        onClick={() => {
                          setMoving(a.meeting);
                          setMsg(null);
                        }}
                      >
                        {t("scheduler.move")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && (
        <nav className="pager" aria-label={t("directory.pages")}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t("directory.prev")}
          </button>
          <span>{t("directory.pageOf", { page: page + 1, pages: Math.ceil(rows.length / PAGE) })}</span>
          <button type="button" disabled={(page + 1) * PAGE >= rows.length} onClick={() => setPage(page + 1)}>
            {t("directory.next")}
          </button>
        </nav>
      )}
    </section>
  );
}

/**
 * What the plan left out, grouped by reason, largest group first: each group says how many of its
 * meetings firms asked for (those matter more than matching proposals) and lists them all, requests
 * first, behind a disclosure (a fair leaves hundreds out; the page listed the first 200 and hid the rest).
 */
function Unscheduled({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  if (!plan.unscheduled.length)
    return (
      <section className="panel">
        <h2>{t("scheduler.unscheduledTitle")}</h2>
        <p>{t("scheduler.allScheduled")}</p>
      </section>
    );
  const byReason = new Map<Plan["unscheduled"][number]["reason"], Plan["unscheduled"]>();
  for (const u of plan.unscheduled) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u]);
  const groups = [...byReason].sort((x, y) => y[1].length - x[1].length);
  const rank = { booked: 0, request: 1, proposal: 2 } as const;
  return (
    <section className="panel" aria-labelledby="unsched-title">
      <h2 id="unsched-title">{t("scheduler.unscheduledTitle")}</h2>
      {groups.map(([reason, items]) => (
        <details key={reason} className="reason-group">
          <summary>
            <strong>{t(`scheduler.reason.${reason}`)}</strong>{" "}
            {t("scheduler.leftOutCount", {
              count: items.length,
              requested: formatNumber(items.filter((u) => u.kind !== "proposal").length, i18n.language),
            })}
          </summary>
          <ul className="list compact">
            {[...items]
              .sort((x, y) => rank[x.kind] - rank[y.kind] || y.value - x.value)
              .map((u) => (
                <li key={u.meeting}>
                  {u.a.name} ↔ {u.b.name} <span className="tag">{t(`scheduler.kind.${u.kind}`)}</span>
                </li>
              ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

/**
 * One plan: its figures, publishing, what was left out and why, and every placed meeting (moved by
 * hand). A changed plan the api returns is stored as the plan; the list's figures are read again,
 * and, once published, the meetings it booked.
 */
function PlanView({ plan }: { plan: Plan }) {
  const client = useQueryClient();
  const changed = useCallback(
    (next: Plan) => {
      client.setQueryData(keys.scheduler.plan(next.id), next);
      void client.invalidateQueries({ queryKey: keys.scheduler.plans, exact: true });
      if (next.status === "published") void client.invalidateQueries({ queryKey: keys.meetings.all });
    },
    [client],
  );
  return (
    <>
      <Summary plan={plan} />
      {plan.status === "draft" ? <PublishPanel plan={plan} onPublished={changed} /> : plan.publishResult && <Published result={plan.publishResult} />}
      {plan.changes && <PlanChanges changes={plan.changes} />}
      <Unscheduled plan={plan} />
      <Assignments plan={plan} onChange={changed} />
    </>
  );
}

/** What publishing did: meetings booked, and for a re-plan those moved and cancelled; how many could not be done. */
function Published({ result }: { result: NonNullable<Plan["publishResult"]> }) {
  const { i18n, t } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const figures = { booked: n(result.booked), conflicts: n(result.conflicts.length) };
  return (
    <Notice kind="ok">
      {result.moved === undefined
        ? t("scheduler.published", figures)
        : t("scheduler.publishedReplan", { ...figures, moved: n(result.moved), cancelled: n(result.cancelled ?? 0) })}
    </Notice>
  );
}

function PlanLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Async query={usePlan(id)} empty={t("scheduler.noPlan")}>
      {(p) => <PlanView key={p.id} plan={p} />}
    </Async>
  );
}

/**
 * The auto-scheduler: run, judge (value against the proven bound, breaks against first-fit,
 * interpreters' runs and walks), adjust, publish; the fair's plans are listed, so one run earlier is
 * opened again (the open plan is in the address, ?plan=).
 */
export default function Scheduler() {
  const { t } = useTranslation();
  usePageTitle(t("scheduler.title"));
  const [params, setParams] = useSearchParams();
  const planId = params.get("plan");
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("scheduler.title")}</h1>
          <RunForm onPlan={(p) => setParams({ plan: p.id })} />
          <PlanList current={planId} />
          {planId ? <PlanLoader key={planId} id={planId} /> : <p className="panel muted">{t("scheduler.noPlan")}</p>}
        </>
      )}
    </RequireRole>
  );
}
