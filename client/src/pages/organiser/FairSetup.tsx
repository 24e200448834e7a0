import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { FairSetupSchema, type FairSetup as Setup, type FairSummary } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useFairSetup, useFairSummary } from "../../lib/queries/fair";
import { keys } from "../../lib/queries/keys";
import { useWrite } from "../../lib/queries/write";
import { asNumber, errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { countryName, formatNumber, localized, termLabel, termsOf } from "../../lib/labels";
import { fairDate, zoneName } from "../../lib/time";
import { RequireRole } from "../../components/RequireRole";
import { Field } from "../../components/Field";
import { Async, Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";

const BodySchema = FairSetupSchema.omit({ slug: true });
const weights = BodySchema.shape.countryPriorities;
/**
 * The contract's body, but country weights as rows the organiser adds and removes (a record has no
 * rows): each row is checked by the record's own key and value rules, then the rows become the record.
 */
export const FairSetupFormSchema = BodySchema.extend({
  countryPriorities: z
    .array(z.strictObject({ country: z.string().trim().toUpperCase().pipe(weights.keyType), weight: weights.valueType }))
    .transform((rows) => Object.fromEntries(rows.map((r) => [r.country, r.weight]))),
});
type Values = z.input<typeof FairSetupFormSchema>;
type Replanned = FairSummary & { replanned: { moved: number; cancelled: number } };

const toValues = ({ slug: _slug, countryPriorities, ...s }: Setup): Values => ({
  ...s,
  countryPriorities: Object.entries(countryPriorities).map(([country, weight]) => ({ country, weight })),
});

/** The day after a local date (YYYY-MM-DD), for "add a day". */
const nextDay = (day: string | undefined) => {
  const d = day ? new Date(`${day}T00:00:00Z`) : new Date();
  d.setUTCDate(d.getUTCDate() + (day ? 1 : 0));
  return d.toISOString().slice(0, 10);
};

export function Editor({ setup }: { setup: Setup }) {
  const { t, i18n } = useTranslation();
  const form = useForm({ resolver: schemaResolver(FairSetupFormSchema), defaultValues: toValues(setup), mode: "onChange" });
  const breaks = useFieldArray({ control: form.control, name: "breaks" });
  const zones = useFieldArray({ control: form.control, name: "tableZones" });
  const priorities = useFieldArray({ control: form.control, name: "countryPriorities" });
  // Days are plain strings, which useFieldArray does not keep: the list is set whole, checked as it changes.
  const days = form.watch("days");
  const setDays = (next: string[]) => form.setValue("days", next, { shouldValidate: true, shouldDirty: true });
  const countries = form.watch("countryPriorities");
  const [result, setResult] = useState<Replanned["replanned"] | null>(null);
  const n = (x: number) => formatNumber(x, i18n.language);
  const sectors = termsOf("sector");
  const error = (path: string) => errorOf(form, path);

  // New days, hours or tables change the fair, its set-up and the meetings re-planned into it.
  const put = useWrite(
    (body: z.output<typeof FairSetupFormSchema>) => send<Replanned>("PUT", `/fairs/${setup.slug}`, body),
    [keys.fair.all, keys.meetings.all],
  );
  // The api names a weight by its country (countryPriorities.JP): that country's row.
  const fieldOf = (path: string) => {
    const [head, code] = path.split(".");
    const row = countries.findIndex((c) => c.country.trim().toUpperCase() === code);
    return head === "countryPriorities" && row >= 0 ? `countryPriorities.${row}.weight` : path;
  };
  const save = useSubmit(form, async (body) => setResult((await put.mutateAsync(body)).replanned), { fieldOf });
  // The last save's re-plan report goes as soon as the next is tried.
  const submit = (e: React.FormEvent) => {
    setResult(null);
    void save.onSubmit(e);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <section className="panel" aria-labelledby="fair-title">
        <h2 id="fair-title">{localized(setup.name, i18n.language)}</h2>
        <p className="muted">
          {localized(setup.venue, i18n.language)} · {t("setup.timeZone", { zone: zoneName(setup.timeZone, i18n.language) })}
        </p>
      </section>

      <fieldset className="panel">
        <legend>{t("setup.days")}</legend>
        <ul className="list compact">
          {days.map((day, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: days are plain strings (no field.id) that may repeat while edited; a row is "Day n", its position
            <li key={i} className="actions">
              <Field label={t("setup.day", { n: n(i + 1) })} error={error(`days.${i}`)} hint={day ? fairDate(day, i18n.language) : undefined}>
                {(p) => <input {...p} type="date" value={day} onChange={(e) => setDays(days.map((d, j) => (j === i ? e.target.value : d)))} />}
              </Field>
              <button
                type="button"
                className="secondary"
                disabled={days.length <= 1}
                onClick={() => setDays(days.filter((_, j) => j !== i))}
                aria-label={t("setup.removeDay", { n: n(i + 1) })}
              >
                {t("setup.remove")}
              </button>
            </li>
          ))}
        </ul>
        {error("days") && <p className="field-error">{error("days")}</p>}
        <button type="button" className="secondary" disabled={days.length >= 7} onClick={() => setDays([...days, nextDay(days.at(-1))])}>
          {t("setup.addDay")}
        </button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.hours")}</legend>
        <div className="row">
          <Field label={t("setup.slotMinutes")} error={error("slotMinutes")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={10} max={120} {...form.register("slotMinutes", asNumber)} />}
          </Field>
          <Field label={t("setup.dayStart")} error={error("dailyHours.start")}>
            {(p) => <input {...p} type="time" {...form.register("dailyHours.start")} />}
          </Field>
          <Field label={t("setup.dayEnd")} error={error("dailyHours.end")}>
            {(p) => <input {...p} type="time" {...form.register("dailyHours.end")} />}
          </Field>
        </div>
        <h3 className="h3">{t("setup.breaks")}</h3>
        {breaks.fields.length === 0 && <p className="muted">{t("setup.noBreaks")}</p>}
        <ul className="list compact">
          {breaks.fields.map((b, i) => (
            <li key={b.id} className="row">
              <Field label={t("setup.breakStart", { n: n(i + 1) })} error={error(`breaks.${i}.start`) ?? error(`breaks.${i}`)}>
                {(p) => <input {...p} type="time" {...form.register(`breaks.${i}.start`)} />}
              </Field>
              <Field label={t("setup.breakEnd", { n: n(i + 1) })} error={error(`breaks.${i}.end`)}>
                {(p) => <input {...p} type="time" {...form.register(`breaks.${i}.end`)} />}
              </Field>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => breaks.remove(i)} aria-label={t("setup.removeBreak", { n: n(i + 1) })}>
                  {t("setup.remove")}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <button type="button" className="secondary" onClick={() => breaks.append({ start: "12:00", end: "13:00" })}>
          {t("setup.addBreak")}
        </button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.capacity")}</legend>
        <div className="row">
          <Field label={t("setup.onsiteTables")} error={error("onsiteTables")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={2000} {...form.register("onsiteTables", asNumber)} />}
          </Field>
          <Field label={t("setup.onlineRooms")} error={error("onlineRoomsPerSlot")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={2000} {...form.register("onlineRoomsPerSlot", asNumber)} />}
          </Field>
        </div>
        <h3 className="h3">{t("setup.zones")}</h3>
        <p className="muted">{t("setup.zonesHint")}</p>
        <ul className="list compact">
          {zones.fields.map((z, i) => (
            <li key={z.id} className="row">
              <Field label={t("setup.zoneFrom", { n: n(i + 1) })} error={error(`tableZones.${i}.from`)}>
                {(p) => <input {...p} type="number" inputMode="numeric" min={1} {...form.register(`tableZones.${i}.from`, asNumber)} />}
              </Field>
              <Field label={t("setup.zoneTo", { n: n(i + 1) })} error={error(`tableZones.${i}.to`)}>
                {(p) => <input {...p} type="number" inputMode="numeric" min={1} {...form.register(`tableZones.${i}.to`, asNumber)} />}
              </Field>
              <Field label={t("setup.zoneSector", { n: n(i + 1) })} error={error(`tableZones.${i}.sector`)}>
                {(p) => (
                  <select {...p} {...form.register(`tableZones.${i}.sector`)}>
                    {sectors.map((s) => (
                      <option key={s.code} value={s.code}>
                        {termLabel(s.code, i18n.language)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => zones.remove(i)} aria-label={t("setup.removeZone", { n: n(i + 1) })}>
                  {t("setup.remove")}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="secondary"
          onClick={() => zones.append({ from: 1, to: form.getValues("onsiteTables") || 1, sector: sectors[0]?.code ?? "" })}
        >
          {t("setup.addZone")}
        </button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.priorities")}</legend>
        <p className="muted">{t("setup.prioritiesHint")}</p>
        <ul className="list compact">
          {priorities.fields.map((c, i) => {
            const code = countries[i]?.country.trim().toUpperCase() ?? "";
            return (
              <li key={c.id} className="row">
                <Field
                  label={t("setup.country", { n: n(i + 1) })}
                  error={error(`countryPriorities.${i}.country`)}
                  hint={/^[A-Z]{2}$/.test(code) ? countryName(code, i18n.language) : t("setup.countryHint")}
                >
                  {(p) => <input {...p} maxLength={2} autoCapitalize="characters" {...form.register(`countryPriorities.${i}.country`)} />}
                </Field>
                <Field label={t("setup.weight", { n: n(i + 1) })} error={error(`countryPriorities.${i}.weight`)}>
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={3}
                      step={0.1}
                      {...form.register(`countryPriorities.${i}.weight`, asNumber)}
                    />
                  )}
                </Field>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => priorities.remove(i)}
                    aria-label={t("setup.removeCountry", { n: n(i + 1) })}
                  >
                    {t("setup.remove")}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <button type="button" className="secondary" onClick={() => priorities.append({ country: "", weight: 1 })}>
          {t("setup.addCountry")}
        </button>
      </fieldset>

      <div className="panel" aria-live="polite">
        <p className="muted">{t("setup.replanHint")}</p>
        {save.failure && <Notice kind="error">{save.failure}</Notice>}
        {result && <Notice kind="ok">{t("setup.saved", { moved: n(result.moved), cancelled: n(result.cancelled) })}</Notice>}
        <div className="actions">
          <button type="submit" disabled={save.busy}>
            {save.busy ? t("state.working") : t("setup.save")}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The fair's set-up: days, slots, hours and breaks, tables and zones, online rooms, country weights (PUT /api/fairs/:slug). */
export default function FairSetup() {
  const { t } = useTranslation();
  usePageTitle(t("setup.title"));
  const current = useFairSummary();
  const setup = useFairSetup<Setup>(current.data?.slug);
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <p>
            <Link to="/organiser">{t("common.nav.console")}</Link>
          </p>
          <h1 id="setup-title">{t("setup.title")}</h1>
          <Async query={current} empty={t("setup.noFair")}>
            {() => (
              <Async query={setup} empty={t("setup.noFair")}>
                {(s) => <Editor key={s.slug} setup={s} />}
              </Async>
            )}
          </Async>
        </>
      )}
    </RequireRole>
  );
}
