import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { DateTime } from "luxon";
import { z } from "zod";
import { CopyEventBodySchema, normalizeSearchText, type EventRegistrationRow } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { countryName, localized } from "../../lib/labels";
import { dateTimeIn, eventDates, viewerTimeZone } from "../../lib/time";
import { keys } from "../../lib/queries/keys";
import { useEventBySlug, useEventRegistrations, useEvents } from "../../lib/queries/events";
import { useWrite } from "../../lib/queries/write";
import { RequireRole } from "../../components/RequireRole";
import { Field } from "../../components/Field";
import { Async, Failure, Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";
import { EventOrganisers } from "./EventOrganisers";

/** The copy form: a short name, the name in Vietnamese and English, the first day and how many days (consecutive). */
const CopyFormSchema = z
  .object({
    slug: CopyEventBodySchema.shape.slug,
    nameVi: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().max(200),
    firstDay: z.iso.date(),
    dayCount: z.coerce.number().int().min(1).max(7),
  })
  .transform(({ slug, nameVi, nameEn, firstDay, dayCount }) => ({
    slug,
    name: nameEn ? { vi: nameVi, en: nameEn } : { vi: nameVi },
    days: Array.from({ length: dayCount }, (_, i) => DateTime.fromISO(firstDay).plus({ days: i }).toISODate()!),
  }));

/** Starts the next event from this one's set-up and programme. */
function CopyEvent({ slug, dayCount }: { slug: string; dayCount: number }) {
  const { t } = useTranslation();
  const [made, setMade] = useState<{ slug: string; name: string } | null>(null);
  const form = useForm({
    resolver: schemaResolver(CopyFormSchema),
    defaultValues: { slug: "", nameVi: "", nameEn: "", firstDay: "", dayCount },
    mode: "onTouched",
  });
  const copy = useWrite((body: z.output<typeof CopyFormSchema>) => send("POST", `/fairs/${slug}/copy`, body), [keys.events.all]);
  const submit = useSubmit(form, async (body) => {
    await copy.mutateAsync(body);
    setMade({ slug: body.slug, name: body.name.en ?? body.name.vi });
    form.reset();
  });
  return (
    <form className="panel narrow" onSubmit={submit.onSubmit} noValidate aria-labelledby="copy-title">
      <h2 id="copy-title">{t("events.copy.title")}</h2>
      <p className="muted">{t("events.copy.hint")}</p>
      <Field label={t("events.copy.slug")} hint={t("events.copy.slugHint")} error={errorOf(form, "slug")}>
        {(p) => <input {...p} {...form.register("slug")} autoComplete="off" />}
      </Field>
      <Field label={t("events.copy.nameVi")} error={errorOf(form, "nameVi")}>
        {(p) => <input {...p} {...form.register("nameVi")} lang="vi" />}
      </Field>
      <Field label={t("events.copy.nameEn")} error={errorOf(form, "nameEn")}>
        {(p) => <input {...p} {...form.register("nameEn")} lang="en" />}
      </Field>
      <Field label={t("events.copy.firstDay")} error={errorOf(form, "firstDay")}>
        {(p) => <input {...p} type="date" {...form.register("firstDay")} />}
      </Field>
      <Field label={t("events.copy.dayCount")} error={errorOf(form, "dayCount")}>
        {(p) => <input {...p} type="number" min={1} max={7} {...form.register("dayCount")} />}
      </Field>
      {submit.failure && <Notice kind="error">{submit.failure}</Notice>}
      {made && (
        <Notice kind="ok">
          {t("events.copy.done", { name: made.name })} <Link to={`/organiser/events/${made.slug}`}>{t("events.copy.open")}</Link>
        </Notice>
      )}
      <button type="submit" disabled={submit.busy}>
        {t("events.copy.submit")}
      </button>
    </form>
  );
}

function RegistrationItem({ slug, row }: { slug: string; row: EventRegistrationRow }) {
  const { t, i18n } = useTranslation();
  const approve = useWrite(() => send("POST", `/fairs/${slug}/registrations/${row.companyId}/approve`, {}), [keys.events.all]);
  const id = `reg-${row.companyId}`;
  return (
    <li>
      <strong id={id}>{row.legalName}</strong>
      {row.englishName && <span lang="en"> ({row.englishName})</span>} · {countryName(row.country, i18n.language)} ·{" "}
      {t(`events.participation.${row.participation}`)} · {dateTimeIn(Date.parse(row.registeredAt), viewerTimeZone(), i18n.language)}
      <br />
      <span className="muted">
        {row.earlierEvents.length
          ? t("events.earlier", { events: row.earlierEvents.map((e) => localized(e.name, i18n.language)).join("; ") })
          : t("events.firstTime")}
      </span>{" "}
      {row.status === "pending" ? (
        <button type="button" aria-describedby={id} disabled={approve.isPending} onClick={() => approve.mutate(undefined)}>
          {t("events.approve")}
        </button>
      ) : (
        <span className="badge">{t("events.approved")}</span>
      )}
      <Failure error={approve.error} />
    </li>
  );
}

/** The firms registered for the event, waiting ones first. */
function Registrations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<"all" | "pending">("all");
  const [query, setQuery] = useState("");
  // Names compared without diacritics, so "co khi" finds "Cơ khí" (the reader types in their own script).
  const wanted = normalizeSearchText(query.trim());
  const matches = (row: EventRegistrationRow) =>
    (show === "all" || row.status === "pending") && (!wanted || normalizeSearchText(`${row.legalName} ${row.englishName ?? ""}`).includes(wanted));
  return (
    <section className="panel" aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t("events.registrations")}</h2>
      <Async query={useEventRegistrations(slug)} empty={t("events.noRegistrations")} isEmpty={(d) => d.data.length === 0}>
        {(d) => {
          const shown = d.data.filter(matches);
          const waiting = d.data.filter((r) => r.status === "pending").length;
          return (
            <>
              <search className="filters">
                <Field label={t("events.find")}>
                  {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
                </Field>
                <Field label={t("events.show")}>
                  {(p) => (
                    <select {...p} value={show} onChange={(e) => setShow(e.target.value as "all" | "pending")}>
                      <option value="all">{t("events.showAll", { count: d.data.length })}</option>
                      <option value="pending">{t("events.showWaiting", { count: waiting })}</option>
                    </select>
                  )}
                </Field>
              </search>
              {shown.length ? (
                <ul className="list">
                  {shown.map((row) => (
                    <RegistrationItem key={row.companyId} slug={slug} row={row} />
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("events.noneMatch")}</p>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}

/** An event for its organisers: the firms registered (approve those waiting) and copying it to start the next one. */
export default function EventAdmin() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const events = useEvents().data?.data ?? [];
  const event = events.find((e) => e.slug === slug);
  const summary = useEventBySlug(slug).data;
  const name = summary ? localized(summary.name, i18n.language) : event ? localized(event.name, i18n.language) : undefined;
  usePageTitle(name ?? t("events.title"));
  return (
    <RequireRole roles={["organiser"]}>
      {(user) => (
        <>
          <h1>{name ?? slug}</h1>
          {event && (
            <p className="muted">
              {t(`events.kind.${event.kind}`)} · {eventDates(event.days, i18n.language)} · {t("events.firms", { count: event.firms })}
            </p>
          )}
          <p>
            <Link to="/events">{t("events.all")}</Link>
          </p>
          <Registrations slug={slug} />
          <CopyEvent slug={slug} dayCount={event?.days.length ?? 2} />
          <EventOrganisers slug={slug} events={events} me={user.id} />
        </>
      )}
    </RequireRole>
  );
}
