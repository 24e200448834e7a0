import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { FAIR_TIME_ZONE, type AdjustPlanResult, type PlanSlotOptions, type SlotBlock } from "@ketnoi/contracts";
import { dateTimeIn } from "../../../lib/slotTime";
import { ApiError, errorText, send } from "../../../lib/api";
import { useLoad } from "../../../lib/useLoad";
import { Async } from "../../../components/States";

/** Why a slot cannot take the meeting, in the reader's language, the firms named. */
export function reasonText(t: TFunction, r: SlotBlock, maxRun: number | null): string {
  const party = r.party?.name ?? "";
  if (r.code === "partyBusy") return r.with ? t("scheduler.why.partyBusy", { party, other: r.with.name }) : t("scheduler.why.partyBusyAnyone", { party });
  return t(`scheduler.why.${r.code}`, { party, max: maxRun ?? "" });
}

/** What the api said about a refused move: its field message names the conflict; else the whole message. */
const refusal = (e: unknown) => (e instanceof ApiError && e.fields.slot ? e.fields.slot : errorText(e));

/**
 * Moving one meeting of a draft: only the slots it can take are offered (each with the mode,
 * interpreter and table it would get there); the others are listed with why not. The api checks
 * the move again (the plan may have changed meanwhile) and says what it did.
 */
export function MoveMeeting({ planId, meeting, onMoved, onCancel }: { planId: string; meeting: string; onMoved: (result: AdjustPlanResult) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { result, reload } = useLoad<PlanSlotOptions>(`/scheduler/plans/${planId}/meetings/${encodeURIComponent(meeting)}/slots`);
  const [target, setTarget] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const when = (iso: string) => dateTimeIn(iso, FAIR_TIME_ZONE, i18n.language);
  const move = async (slot: string | null) => {
    setBusy(true);
    setFailure(null);
    try {
      onMoved(await send<AdjustPlanResult>("PUT", `/scheduler/plans/${planId}/meetings/${encodeURIComponent(meeting)}`, { slot }));
    } catch (e) {
      setFailure(refusal(e));
      reload();
    } finally {
      setBusy(false);
    }
  };
  if (result.state === "loading") return <p role="status" className="muted">{t("scheduler.loadingSlots")}</p>;
  return (
    <Async result={result} reload={reload} empty={t("scheduler.noFeasibleSlot")}>
      {(options) => {
        const feasible = options.slots.filter((s) => s.feasible);
        const refused = options.slots.filter((s) => !s.feasible && s.id !== options.current);
        return (
          <div className="move-meeting">
            {feasible.length ? (
              <div className="actions">
                <label className="filter">
                  <span>{t("scheduler.feasibleSlots")}</span>
                  <select value={target} onChange={(e) => setTarget(e.target.value)}>
                    <option value="">—</option>
                    {feasible.map((s) => (
                      <option key={s.id} value={s.id}>
                        {[when(s.start), s.mode && t(`meeting.modePref.${s.mode}`), s.interpreter?.name, s.table && t("scheduler.slotTable", { table: s.table })].filter(Boolean).join(" · ")}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" disabled={!target || busy} onClick={() => void move(target)}>{t("scheduler.applyMove")}</button>
              </div>
            ) : (
              <p className="muted">{t("scheduler.noFeasibleSlot")}</p>
            )}
            <div className="actions">
              <button type="button" className="secondary" disabled={busy} onClick={() => void move(null)}>{t("scheduler.leaveOut")}</button>
              <button type="button" className="secondary" onClick={onCancel}>{t("scheduler.cancelMove")}</button>
            </div>
            {failure && <p className="notice error" role="alert">{failure}</p>}
            {refused.length > 0 && (
              <details className="why-not">
                <summary>{t("scheduler.whyNot", { count: refused.length })}</summary>
                <ul className="list compact">
                  {refused.map((s) => (
                    <li key={s.id} data-slot={s.id}>
                      <strong>{when(s.start)}</strong>: {s.reasons.map((r) => reasonText(t, r, options.maxRun)).join("; ")}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      }}
    </Async>
  );
}
