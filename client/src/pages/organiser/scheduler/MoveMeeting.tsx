import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { AdjustPlanResult, SlotBlock } from "@ketnoi/contracts";
import { dateTimeIn } from "../../../lib/slotTime";
import { viewerTimeZone } from "../../../lib/time";
import { ApiError, errorText, send } from "../../../lib/api";
import { useFairTimeZone } from "../../../lib/queries/fair";
import { keys } from "../../../lib/queries/keys";
import { useMoveOptions } from "../../../lib/queries/organiser";
import { Async } from "../../../components/States";

/** Why a slot cannot take the meeting, in the reader's language, the firms named. */
export function reasonText(t: TFunction, r: SlotBlock, maxRun: number | null): string {
  const party = r.party?.name ?? "";
  if (r.code === "partyBusy")
    return r.with ? t("scheduler.why.partyBusy", { party, other: r.with.name }) : t("scheduler.why.partyBusyAnyone", { party });
  return t(`scheduler.why.${r.code}`, { party, max: maxRun ?? "" });
}

/** What the api said about a refused move: its field message names the conflict; else the whole message. */
const refusal = (e: unknown) => (e instanceof ApiError && e.fields.slot ? e.fields.slot : errorText(e));

/**
 * Moving one meeting of a draft: only the slots it can take are offered (each with the mode,
 * interpreter and table it would get there); the others are listed with why not. The api checks
 * the move again (the plan may have changed meanwhile) and says what it did.
 */
export function MoveMeeting({
  planId,
  meeting,
  onMoved,
  onCancel,
}: {
  planId: string;
  meeting: string;
  onMoved: (result: AdjustPlanResult) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const options = useMoveOptions(planId, meeting);
  const client = useQueryClient();
  const [target, setTarget] = useState("");
  const zone = useFairTimeZone() ?? viewerTimeZone();
  const when = (iso: string) => dateTimeIn(iso, zone, i18n.language);
  // A refused move reads the options again: the plan changed meanwhile.
  const change = useMutation({
    mutationFn: (slot: string | null) =>
      send<AdjustPlanResult>("PUT", `/scheduler/plans/${planId}/meetings/${encodeURIComponent(meeting)}`, { slot }),
    onSuccess: onMoved,
    onError: () => client.invalidateQueries({ queryKey: keys.scheduler.moveOptions(planId, meeting) }),
  });
  const busy = change.isPending;
  const move = (slot: string | null) => change.mutate(slot);
  if (options.isPending)
    return (
      <p role="status" className="muted">
        {t("scheduler.loadingSlots")}
      </p>
    );
  return (
    <Async query={options} empty={t("scheduler.noFeasibleSlot")}>
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
                        {[
                          when(s.start),
                          s.mode && t(`common.meeting.modePref.${s.mode}`),
                          s.interpreter?.name,
                          s.table && t("scheduler.slotTable", { table: s.table }),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" disabled={!target || busy} onClick={() => move(target)}>
                  {t("scheduler.applyMove")}
                </button>
              </div>
            ) : (
              <p className="muted">{t("scheduler.noFeasibleSlot")}</p>
            )}
            <div className="actions">
              <button type="button" className="secondary" disabled={busy} onClick={() => move(null)}>
                {t("scheduler.leaveOut")}
              </button>
              <button type="button" className="secondary" onClick={onCancel}>
                {t("scheduler.cancelMove")}
              </button>
            </div>
            {change.error && (
              <p className="notice error" role="alert">
                {refusal(change.error)}
              </p>
            )}
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
