import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { MeetingRequestBodySchema, type MeetingRequestBody, type MeetingView, type SlotView } from "@ketnoi/contracts";
import { ApiError, send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { useCommonSlots, useCommonSlotsRefresh, useMeetingWrite } from "../lib/queries/meetings";
import { MeetingPreferenceFields } from "./MeetingPreferenceFields";
import { Async, Notice } from "./States";
import { SlotTime } from "./SlotTime";

/**
 * The form's values (the contract's message, mode and day part; no slot chosen is ""), then the
 * contract's body: the company asked (`with`) is the page's, a slot only when one is chosen.
 */
export function requestFormSchema(companyId: string) {
  return MeetingRequestBodySchema.omit({ with: true, slot: true })
    .extend({ slot: z.string() })
    .transform(({ slot, ...v }): z.input<typeof MeetingRequestBodySchema> => ({ with: companyId, ...v, ...(slot ? { slot } : {}) }))
    .pipe(MeetingRequestBodySchema);
}

/**
 * Asking a company to meet: pick one of the slots both sides have free (booked at once), or send a
 * request it answers. A slot taken meanwhile comes back as 409 with the nearest free alternatives.
 */
export function RequestMeeting({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const slots = useCommonSlots(companyId);
  const refreshSlots = useCommonSlotsRefresh();
  const request = useMeetingWrite((body: MeetingRequestBody) => send<MeetingView>("POST", "/meetings", body));
  const form = useForm({
    resolver: useMemo(() => schemaResolver(requestFormSchema(companyId)), [companyId]),
    defaultValues: { message: "", mode: "either" as const, dayPart: "any" as const, slot: "" },
    mode: "onChange",
  });
  // Slots are radio buttons in two groups (the alternatives and the common slots): one value set as a whole.
  const slot = form.watch("slot");
  const choose = (id: string) => form.setValue("slot", id, { shouldValidate: true });
  const [alternatives, setAlternatives] = useState<SlotView[]>([]);
  const [done, setDone] = useState<MeetingView | null>(null);
  const save = useSubmit(
    form,
    async (body) => {
      setDone(await request.mutateAsync(body));
      setAlternatives([]);
    },
    {
      onError: (err) => {
        refreshSlots(companyId);
        if (!(err instanceof ApiError && err.status === 409 && err.body?.error.alternatives?.length)) return undefined;
        // The slot went meanwhile: the nearest free ones instead.
        setAlternatives(err.body.error.alternatives);
        choose("");
        return t("common.meeting.slotTaken");
      },
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
        <label key={s.id} className={`slot${slot === s.id ? " chosen" : ""}`}>
          <input type="radio" name="slot" value={s.id} checked={slot === s.id} onChange={() => choose(s.id)} />
          <SlotTime start={s.start} end={s.end} />
        </label>
      ))}
    </div>
  );
  return (
    <form className="panel" onSubmit={save.onSubmit} aria-labelledby="request-title" noValidate>
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
            {slot && (
              <button type="button" className="link" onClick={() => choose("")}>
                {t("common.meeting.noSlot")}
              </button>
            )}
          </>
        )}
      </Async>
      {errorOf(form, "slot") && (
        <small className="field-error" role="alert">
          {errorOf(form, "slot")}
        </small>
      )}
      <MeetingPreferenceFields register={(name) => form.register(name)} error={(name) => errorOf(form, name)} withDayPart={!slot} />
      {save.failure && <Notice kind="error">{save.failure}</Notice>}
      <button type="submit" disabled={save.busy}>
        {slot ? t("common.meeting.bookSlot") : t("common.meeting.sendRequest")}
      </button>
    </form>
  );
}
