import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { MEETING_OUTCOMES, MeetingOutcomeBodySchema, type MeetingOutcome } from "@ketnoi/contracts";
import { meetingAction, useMeetingWrite } from "../lib/queries/meetings";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { Field } from "./Field";
import { Notice } from "./States";

/**
 * What came of a meeting for my firm (quotation, samples, NDA, MoU...): recorded on the meeting page
 * once it has started, and on the firm's history for up to a year after it (a follow-up weeks later).
 * Saving reads every meeting list again, the history among them.
 */
export function OutcomeForm({
  meetingId,
  current,
  titleId,
  level = 2,
}: {
  meetingId: string;
  current?: { outcome: MeetingOutcome; note?: string };
  /** The heading's id (unique on the page: the history shows one form per meeting). */
  titleId: string;
  level?: 2 | 4;
}) {
  const { t } = useTranslation();
  const save = useMeetingWrite(meetingAction(meetingId, "outcome"));
  const form = useForm({
    resolver: schemaResolver(MeetingOutcomeBodySchema),
    defaultValues: { outcome: current?.outcome ?? ("follow_up" as const), note: current?.note ?? "" },
    mode: "onChange",
  });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(form, async (body) => {
    setSaved(false);
    await save.mutateAsync(body);
    setSaved(true);
  });
  const Heading = level === 2 ? "h2" : "h4";
  return (
    <form className="panel" onSubmit={submit.onSubmit} aria-labelledby={titleId} noValidate>
      <Heading id={titleId}>{t("meetingPage.outcome")}</Heading>
      <Field label={t("meetingPage.outcomeLabel")} error={errorOf(form, "outcome")}>
        {(p) => (
          <select {...p} {...form.register("outcome")}>
            {MEETING_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`meeting.outcome.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("inbox.note")} error={errorOf(form, "note")}>
        {(p) => <textarea {...p} rows={2} {...form.register("note")} />}
      </Field>
      {submit.failure && <Notice kind="error">{submit.failure}</Notice>}
      {saved && <Notice kind="ok">{t("meetingPage.outcomeSaved")}</Notice>}
      <button type="submit">{t("meetingPage.saveOutcome")}</button>
    </form>
  );
}
