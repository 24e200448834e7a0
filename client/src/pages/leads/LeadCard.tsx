import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LEAD_TAGS, LeadFieldsSchema, isLeadTag, type LeadFields, type LeadView } from "@ketnoi/contracts";
import { Field } from "../../components/Field";
import { Notice } from "../../components/States";
import { ApiError, send } from "../../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { countryName } from "../../lib/labels";
import { queueLead, type QueuedLead } from "../../lib/leads/leadQueue";
import { queryClient } from "../../lib/queries/client";
import { keys } from "../../lib/queries/keys";
import { dateTimeIn, viewerTimeZone } from "../../lib/time";

/** The form's fields: the fixed follow-up tags as boxes, the firm's own tags typed, comma-separated. */
const LeadFormSchema = z
  .object({ rating: z.string(), tags: z.array(z.string()), ownTags: z.string().max(500), note: z.string().max(2000) })
  .transform((v) => ({
    note: v.note,
    rating: v.rating ? Number(v.rating) : null,
    tags: [...v.tags, ...v.ownTags.split(",").map((tag) => tag.trim())].filter(Boolean),
  }))
  // The contract checks the tags (their number and length); its fields are optional, these are all given.
  .pipe(LeadFieldsSchema as unknown as z.ZodType<LeadFields, { note: string; rating: number | null; tags: string[] }>);
type LeadForm = z.input<typeof LeadFormSchema>;

const formOf = (f: { note: string; rating: number | null; tags: string[] }): LeadForm => ({
  note: f.note,
  rating: f.rating ? String(f.rating) : "",
  tags: f.tags.filter(isLeadTag),
  ownTags: f.tags.filter((tag) => !isLeadTag(tag)).join(", "),
});

/** A request that never reached the server (no network): the edit is queued instead. */
const unreachable = (e: unknown) => !(e instanceof ApiError) || e.status >= 500;

/**
 * One lead: who (what the scan shares, the e-mail address only where the visitor shares it), when and
 * by whom, and the firm's note, rating and tags. Saved online at once; offline, or while a change of
 * this lead waits on the device, it is queued with the time of the scan it edits and sent with the scans.
 */
export function LeadCard({ lead, queued, highlight }: { lead: LeadView; queued: QueuedLead | undefined; highlight: boolean }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const pending = queued?.state === "pending";
  // What the device holds for this lead and the server has not yet heard is what the staff see.
  const shown = {
    note: queued?.body.note ?? lead.note,
    rating: queued?.body.rating !== undefined ? queued.body.rating : lead.rating,
    tags: queued?.body.tags ?? lead.tags,
  };
  const form = useForm<LeadForm, unknown, LeadFields>({
    resolver: schemaResolver(LeadFormSchema),
    values: formOf(shown),
    resetOptions: { keepDirtyValues: true },
  });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(form, async (body) => {
    setSaved(false);
    if (navigator.onLine && !pending) {
      try {
        await send("PATCH", `/leads/${lead.id}`, body);
        await queryClient.invalidateQueries({ queryKey: keys.leads });
        form.reset(form.getValues());
        setSaved(true);
        return;
      } catch (e) {
        if (!unreachable(e)) throw e;
      }
    }
    // Shown as waiting (the pending mark) until the device sends it.
    await queueLead(lead.badge, body, new Date(lead.scannedAt));
    form.reset(form.getValues());
  });
  const company = lead.visitor.company;
  const scanned = dateTimeIn(Date.parse(lead.scannedAt), viewerTimeZone(), i18n.language);
  return (
    <article className={`panel lead${highlight ? " lead-opened" : ""}`} aria-labelledby={titleId} data-badge={lead.badge}>
      <h3 id={titleId}>{lead.visitor.name}</h3>
      <p className="muted">
        {[company?.name, company ? countryName(company.country, i18n.language) : null, t(`common.role.${lead.visitor.role}`)]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {lead.visitor.email ? (
        <p>
          <a href={`mailto:${lead.visitor.email}`}>{lead.visitor.email}</a>
        </p>
      ) : (
        <p className="muted small">{t("leads.noContact")}</p>
      )}
      <p className="muted small">
        {lead.scannedBy ? t("leads.scannedBy", { time: scanned, name: lead.scannedBy.name }) : t("leads.scannedAt", { time: scanned })}
      </p>
      {pending && (
        <p className="lead-pending" role="status">
          {t("leads.changesPending")}
        </p>
      )}
      {queued?.state === "refused" && <Notice kind="error">{queued.reason}</Notice>}
      <form className="lead-form" onSubmit={save.onSubmit} noValidate>
        <Field label={t("leads.rating")} error={errorOf(form, "rating")}>
          {(p) => (
            <select {...p} {...form.register("rating")}>
              <option value="">{t("leads.noRating")}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {`${"★".repeat(n)} ${n}/5`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t("leads.tags")}</legend>
          <div className="lead-tags">
            {LEAD_TAGS.map((tag) => (
              <label key={tag} className="choice">
                <input type="checkbox" value={tag} {...form.register("tags")} /> {t(`leads.tag.${tag}`)}
              </label>
            ))}
          </div>
          <Field label={t("leads.ownTags")} hint={t("leads.ownTagsHint")} error={errorOf(form, "ownTags")}>
            {(p) => <input {...p} autoComplete="off" {...form.register("ownTags")} />}
          </Field>
        </fieldset>
        <Field label={t("leads.note")} error={errorOf(form, "note")}>
          {(p) => <textarea {...p} rows={3} maxLength={2000} {...form.register("note")} />}
        </Field>
        <button type="submit" disabled={save.busy}>
          {t("leads.save")}
        </button>
        {saved && !pending && <Notice kind="ok">{t("leads.saved")}</Notice>}
        {save.failure && <Notice kind="error">{save.failure}</Notice>}
      </form>
    </article>
  );
}
