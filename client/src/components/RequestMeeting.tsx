import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { MeetingRequestBodySchema, type MeetingView, type SlotView } from "@ketnoi/contracts";
import { ApiError, send } from "../lib/api";
import { useCommonSlots, useCommonSlotsRefresh, useMeetingWrite } from "../lib/queries/meetings";
import { useForm } from "../lib/validation";
import { MeetingPreferenceFields } from "./MeetingPreferenceFields";
import { Async, Notice } from "./States";
import { SlotTime } from "./SlotTime";

type Values = { message: string; mode: string; dayPart: string; slot: string };

/**
 * Asking a company to meet: pick one of the slots both sides have free (booked at once), or send a
 * request it answers. A slot taken meanwhile comes back as 409 with the nearest free alternatives.
 */
export function RequestMeeting({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const slots = useCommonSlots(companyId);
  const refreshSlots = useCommonSlotsRefresh();
  const request = useMeetingWrite((body: unknown) => send<MeetingView>("POST", "/meetings", body));
  const form = useForm<Values>(MeetingRequestBodySchema, { message: "", mode: "either", dayPart: "any", slot: "" }, (v) => ({
    with: companyId,
    message: v.message,
    mode: v.mode,
    dayPart: v.dayPart,
    ...(v.slot ? { slot: v.slot } : {}),
  }));
  const [alternatives, setAlternatives] = useState<SlotView[]>([]);
  const [done, setDone] = useState<MeetingView | null>(null);
  const submit = form.submit(
    async (body) => {
      setDone(await request.mutateAsync(body));
      setAlternatives([]);
    },
    (err) => {
      refreshSlots(companyId);
      if (!(err instanceof ApiError && err.status === 409 && err.body?.error.alternatives?.length)) return undefined;
      // The slot went meanwhile: the nearest free ones instead.
      setAlternatives(err.body.error.alternatives);
      form.set("slot", "");
      return t("common.meeting.slotTaken");
    },
  );
  if (done)
    return (
      <Notice kind="ok">
        {done.status === "booked" ? t("common.meeting.bookedWith", { name: companyName }) : t("common.meeting.requestedWith", { name: companyName })}{" "}
        <Link to={done.status === "booked" ? "/agenda" : "/inbox"}>{t(done.status === "booked" ? "common.nav.agenda" : "common.nav.inbox")}</Link>
      </Notice>
    );
  const slotOptions = (list: SlotView[], name: string) => (
    <div className="slot-grid" role="radiogroup" aria-label={name}>
      {list.map((s) => (
        <label key={s.id} className={`slot${form.values.slot === s.id ? " chosen" : ""}`}>
          <input type="radio" name="slot" value={s.id} checked={form.values.slot === s.id} onChange={() => form.set("slot", s.id)} />
          <SlotTime start={s.start} end={s.end} />
        </label>
      ))}
    </div>
  );
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="request-title" noValidate>
      <h2 id="request-title">{t("common.meeting.requestTitle")}</h2>
      {alternatives.length > 0 && (
        <div className="alternatives">
          <h3>{t("common.meeting.alternatives")}</h3>
          {slotOptions(alternatives, t("common.meeting.alternatives"))}
        </div>
      )}
      <h3>{t("common.meeting.commonSlots")}</h3>
      <p className="muted">{t("common.meeting.commonSlotsHint")}</p>
      <Async query={slots} isEmpty={(s) => s.length === 0} empty={t("common.meeting.noCommonSlots")}>
        {(list) => (
          <>
            {slotOptions(list.slice(0, 24), t("common.meeting.commonSlots"))}
            {form.values.slot && <button type="button" className="link" onClick={() => form.set("slot", "")}>{t("common.meeting.noSlot")}</button>}
          </>
        )}
      </Async>
      <MeetingPreferenceFields form={form} withDayPart={!form.values.slot} />
      {form.failure && <Notice kind="error">{form.failure}</Notice>}
      <button type="submit" disabled={form.busy}>{form.values.slot ? t("common.meeting.bookSlot") : t("common.meeting.sendRequest")}</button>
    </form>
  );
}
