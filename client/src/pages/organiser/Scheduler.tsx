import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { FAIR_TIME_ZONE, RunSchedulerBodySchema, normalizeSearchText, type SchedulePlanView } from "@ketnoi/contracts";
import { dateTimeIn } from "../../lib/slotTime";
import { send, errorText } from "../../lib/api";
import { useLoad } from "../../lib/useLoad";
import { useForm } from "../../lib/validation";
import { formatNumber } from "../../lib/labels";
import { RequireRole } from "../../components/RequireRole";
import { Async, Notice } from "../../components/States";
import { Field } from "../../components/Field";
import { SlotTime } from "../../components/SlotTime";

type Plan = SchedulePlanView;
type Slot = Plan["assignments"][number]["slot"];
const PAGE = 50;

function RunForm({ onPlan }: { onPlan: (p: Plan) => void }) {
  const { t } = useTranslation();
  const form = useForm<{ timeLimitSeconds: string; proposalsPerCompany: string; maxMeetingsPerCompany: string }>(
    RunSchedulerBodySchema,
    { timeLimitSeconds: "5", proposalsPerCompany: "0", maxMeetingsPerCompany: "" },
    (v) => ({ timeLimitSeconds: Number(v.timeLimitSeconds), proposalsPerCompany: Number(v.proposalsPerCompany), ...(v.maxMeetingsPerCompany ? { maxMeetingsPerCompany: Number(v.maxMeetingsPerCompany) } : {}) }),
  );
  const run = form.submit(async (body) => {
    onPlan(await send<Plan>("POST", "/scheduler/plans", body));
  });
  const num = (key: "timeLimitSeconds" | "proposalsPerCompany" | "maxMeetingsPerCompany", label: string, hint?: string) => (
    <Field label={label} error={form.error(key)} hint={hint}>
      {(p) => <input {...p} type="number" inputMode="decimal" value={form.values[key]} onChange={(e) => form.set(key, e.target.value)} />}
    </Field>
  );
  return (
    <form className="panel" onSubmit={run} aria-labelledby="run-title" noValidate>
      <h2 id="run-title">{t("scheduler.run")}</h2>
      <div className="row">
        {num("timeLimitSeconds", t("scheduler.timeLimit"))}
        {num("proposalsPerCompany", t("scheduler.proposals"), t("scheduler.proposalsHint"))}
        {num("maxMeetingsPerCompany", t("scheduler.cap"), t("scheduler.capHint"))}
      </div>
      {form.failure && <Notice kind="error">{form.failure}</Notice>}
      <button type="submit" disabled={form.busy}>{form.busy ? t("scheduler.running") : t("scheduler.runButton")}</button>
      {form.busy && <p role="status" className="muted">{t("scheduler.runningHint")}</p>}
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
  return (
    <section className="panel" aria-labelledby="plan-summary">
      <h2 id="plan-summary">{t("scheduler.plan")} <span className={`status status-${plan.status === "published" ? "booked" : "requested"}`}>{t(`scheduler.status.${plan.status}`)}</span></h2>
      <dl className="figures">
        {items.map(([k, v, note]) => <div key={k}><dt>{k}</dt><dd>{v}{note && <small>{note}</small>}</dd></div>)}
      </dl>
      <meter min={0} max={1} value={plan.ratio} aria-label={t("scheduler.ratio")} style={{ width: "100%" }} />
    </section>
  );
}

function Assignments({ plan, slots, onChange }: { plan: Plan; slots: Slot[]; onChange: (p: Plan) => void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState("");
  const [page, setPage] = useState(0);
  const [moving, setMoving] = useState<string | null>(null);
  const [target, setTarget] = useState("");
  const [msg, setMsg] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  // By time, then by the parties; the filter ignores case and Vietnamese diacritics ("co khi" finds "Cơ khí").
  const rows = useMemo(() => {
    const wanted = normalizeSearchText(filter);
    return plan.assignments
      .filter((a) => !wanted || normalizeSearchText(`${a.a.name} ${a.b.name}`).includes(wanted))
      .sort((x, y) => x.slot.start.localeCompare(y.slot.start) || x.a.name.localeCompare(y.a.name));
  }, [plan, filter]);
  const move = async (meeting: string, slot: string | null) => {
    setMsg(null);
    try {
      onChange(await send<Plan>("PUT", `/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting)}`, { slot }));
      setMoving(null);
      setMsg({ kind: "ok", text: slot ? t("scheduler.moved") : t("scheduler.leftOut") });
    } catch (e) {
      setMsg({ kind: "error", text: errorText(e) });
    }
  };
  const draft = plan.status === "draft";
  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t("scheduler.assignments")}</h2>
      <label className="filter"><span>{t("scheduler.filter")}</span><input type="search" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} /></label>
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t("scheduler.slot")}</th><th scope="col">{t("scheduler.parties")}</th><th scope="col">{t("scheduler.mode")}</th><th scope="col">{t("scheduler.interpreter")}</th>{draft && <th scope="col"><span className="sr-only">{t("scheduler.actions")}</span></th>}</tr></thead>
          <tbody>
            {rows.slice(page * PAGE, page * PAGE + PAGE).map((a) => (
              <tr key={a.meeting}>
                <td><SlotTime start={a.slot.start} end={a.slot.end} /></td>
                <td>{a.a.name} ↔ {a.b.name} <small className="muted">({t(`scheduler.kind.${a.kind}`)})</small></td>
                <td>{t(`meeting.modePref.${a.mode}`)}</td>
                <td>{a.interpreter?.name ?? "—"}</td>
                {draft && (
                  <td>
                    {moving === a.meeting ? (
                      <div className="actions">
                        <label className="filter">
                          <span>{t("scheduler.newSlot")}</span>
                          <select value={target} onChange={(e) => setTarget(e.target.value)}>
                            <option value="">—</option>
                            {slots.map((s) => <option key={s.id} value={s.id}>{dateTimeIn(s.start, FAIR_TIME_ZONE, i18n.language)}</option>)}
                          </select>
                        </label>
                        <button type="button" disabled={!target} onClick={() => void move(a.meeting, target)}>{t("scheduler.applyMove")}</button>
                        <button type="button" className="secondary" onClick={() => void move(a.meeting, null)}>{t("scheduler.leaveOut")}</button>
                      </div>
                    ) : (
                      <button type="button" className="secondary" aria-label={t("scheduler.moveLabel", { a: a.a.name, b: a.b.name })} onClick={() => { setMoving(a.meeting); setTarget(""); }}>{t("scheduler.move")}</button>
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
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t("directory.prev")}</button>
          <span>{t("directory.pageOf", { page: page + 1, pages: Math.ceil(rows.length / PAGE) })}</span>
          <button type="button" disabled={(page + 1) * PAGE >= rows.length} onClick={() => setPage(page + 1)}>{t("directory.next")}</button>
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
  if (!plan.unscheduled.length) return <section className="panel"><h2>{t("scheduler.unscheduledTitle")}</h2><p>{t("scheduler.allScheduled")}</p></section>;
  const byReason = new Map<string, Plan["unscheduled"]>();
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
            {t("scheduler.leftOutCount", { count: items.length, requested: formatNumber(items.filter((u) => u.kind !== "proposal").length, i18n.language) })}
          </summary>
          <ul className="list compact">
            {[...items].sort((x, y) => rank[x.kind] - rank[y.kind] || y.value - x.value).map((u) => (
              <li key={u.meeting}>{u.a.name} ↔ {u.b.name} <span className="tag">{t(`scheduler.kind.${u.kind}`)}</span></li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

function PlanView({ initial }: { initial: Plan }) {
  const { t, i18n } = useTranslation();
  const [plan, setPlan] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const slots = useMemo(() => [...new Map(plan.assignments.map((a) => [a.slot.id, a.slot])).values()].sort((a, b) => a.start.localeCompare(b.start)), [plan]);
  const publish = async () => {
    setFailure(null);
    try {
      setPlan(await send<Plan>("POST", `/scheduler/plans/${plan.id}/publish`, {}));
    } catch (e) {
      setFailure(errorText(e));
    }
  };
  return (
    <>
      <Summary plan={plan} />
      {plan.status === "draft" ? (
        <section className="panel">
          <p>{t("scheduler.publishHint")}</p>
          <button type="button" onClick={() => void publish()}>{t("scheduler.publish")}</button>
          {failure && <Notice kind="error">{failure}</Notice>}
        </section>
      ) : (
        plan.publishResult && (
          <Notice kind="ok">
            {t("scheduler.published", { booked: formatNumber(plan.publishResult.booked, i18n.language), conflicts: formatNumber(plan.publishResult.conflicts.length, i18n.language) })}
          </Notice>
        )
      )}
      <Unscheduled plan={plan} />
      <Assignments plan={plan} slots={slots} onChange={setPlan} />
    </>
  );
}

function PlanLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const { result, reload } = useLoad<Plan>(`/scheduler/plans/${id}`);
  return <Async result={result} reload={reload} empty={t("scheduler.noPlan")}>{(p) => <PlanView key={p.id} initial={p} />}</Async>;
}

/** The auto-scheduler: run, judge (value against the proven bound, breaks against first-fit), adjust, publish. */
export default function Scheduler() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const planId = params.get("plan");
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("scheduler.title")}</h1>
          <RunForm onPlan={(p) => setParams({ plan: p.id })} />
          {planId ? <PlanLoader key={planId} id={planId} /> : <p className="panel muted">{t("scheduler.noPlan")}</p>}
        </>
      )}
    </RequireRole>
  );
}
