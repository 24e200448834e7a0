import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { FairSetupSchema, type FairSetup as Setup, type FairSummary, type LocalizedText } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useFairSetup, useFairSummary } from "../../lib/queries/fair";
import { keys } from "../../lib/queries/keys";
import { useWrite } from "../../lib/queries/write";
import { useForm } from "../../lib/validation";
import { countryName, formatNumber, localized, termLabel, termsOf } from "../../lib/labels";
import { fairDate, zoneName } from "../../lib/time";
import { RequireRole } from "../../components/RequireRole";
import { Field } from "../../components/Field";
import { Async, Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";

const BodySchema = FairSetupSchema.omit({ slug: true });

type Values = {
  days: string[];
  slotMinutes: string;
  start: string;
  end: string;
  breaks: { start: string; end: string; label?: LocalizedText }[];
  onsiteTables: string;
  tableZones: { from: string; to: string; sector: string }[];
  onlineRoomsPerSlot: string;
  priorities: { country: string; weight: string }[];
};
type Replanned = FairSummary & { replanned: { moved: number; cancelled: number } };

/** A number typed into a field; empty stays missing so the schema names it. */
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

const toValues = (s: Setup): Values => ({
  days: s.days,
  slotMinutes: String(s.slotMinutes),
  start: s.dailyHours.start,
  end: s.dailyHours.end,
  breaks: s.breaks,
  onsiteTables: String(s.onsiteTables),
  tableZones: s.tableZones.map((z) => ({ from: String(z.from), to: String(z.to), sector: z.sector })),
  onlineRoomsPerSlot: String(s.onlineRoomsPerSlot),
  priorities: Object.entries(s.countryPriorities).map(([country, weight]) => ({ country, weight: String(weight) })),
});

/** The day after a local date (YYYY-MM-DD), for "add a day". */
const nextDay = (day: string | undefined) => {
  const d = day ? new Date(`${day}T00:00:00Z`) : new Date();
  d.setUTCDate(d.getUTCDate() + (day ? 1 : 0));
  return d.toISOString().slice(0, 10);
};

function Editor({ setup }: { setup: Setup }) {
  const { t, i18n } = useTranslation();
  const toBody = useMemo(
    () => (v: Values) => ({
      name: setup.name,
      venue: setup.venue,
      timeZone: setup.timeZone,
      days: v.days,
      slotMinutes: num(v.slotMinutes),
      dailyHours: { start: v.start, end: v.end },
      breaks: v.breaks,
      onsiteTables: num(v.onsiteTables),
      tableZones: v.tableZones.map((z) => ({ from: num(z.from), to: num(z.to), sector: z.sector })),
      onlineRoomsPerSlot: num(v.onlineRoomsPerSlot),
      countryPriorities: Object.fromEntries(v.priorities.map((p) => [p.country.trim().toUpperCase(), num(p.weight)])),
    }),
    [setup],
  );
  const form = useForm<Values>(BodySchema, toValues(setup), toBody);
  const [result, setResult] = useState<Replanned["replanned"] | null>(null);
  const v = form.values;
  const n = (x: number) => formatNumber(x, i18n.language);
  const sectors = termsOf("sector");
  /** Replaces one item of a list field and marks that item's path touched. */
  const setItem = <K extends "days" | "breaks" | "tableZones" | "priorities">(key: K, i: number, item: Values[K][number], path: string) =>
    form.set(key, v[key].map((x, j) => (j === i ? item : x)) as Values[K], path);
  const remove = <K extends "days" | "breaks" | "tableZones" | "priorities">(key: K, i: number) => form.set(key, v[key].filter((_, j) => j !== i) as Values[K]);

  // New days, hours or tables change the fair, its set-up and the meetings re-planned into it.
  const put = useWrite((body: unknown) => send<Replanned>("PUT", `/fairs/${setup.slug}`, body), [keys.fair.all, keys.meetings.all]);
  const save = form.submit(async (body) => setResult((await put.mutateAsync(body)).replanned));
  // The last save's re-plan report goes as soon as the next is tried.
  const submit = (e: React.FormEvent) => {
    setResult(null);
    void save(e);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <section className="panel" aria-labelledby="fair-title">
        <h2 id="fair-title">{localized(setup.name, i18n.language)}</h2>
        <p className="muted">{localized(setup.venue, i18n.language)} · {t("setup.timeZone", { zone: zoneName(setup.timeZone, i18n.language) })}</p>
      </section>

      <fieldset className="panel">
        <legend>{t("setup.days")}</legend>
        <ul className="list compact">
          {v.days.map((day, i) => (
            <li key={i} className="actions">
              <Field label={t("setup.day", { n: n(i + 1) })} error={form.error(`days.${i}`)} hint={day ? fairDate(day, i18n.language) : undefined}>
                {(p) => <input {...p} type="date" value={day} onChange={(e) => setItem("days", i, e.target.value, `days.${i}`)} />}
              </Field>
              <button type="button" className="secondary" disabled={v.days.length <= 1} onClick={() => remove("days", i)} aria-label={t("setup.removeDay", { n: n(i + 1) })}>{t("setup.remove")}</button>
            </li>
          ))}
        </ul>
        {form.error("days") && <p className="field-error">{form.error("days")}</p>}
        <button type="button" className="secondary" disabled={v.days.length >= 7} onClick={() => form.set("days", [...v.days, nextDay(v.days.at(-1))])}>{t("setup.addDay")}</button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.hours")}</legend>
        <div className="row">
          <Field label={t("setup.slotMinutes")} error={form.error("slotMinutes")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={10} max={120} value={v.slotMinutes} onChange={(e) => form.set("slotMinutes", e.target.value)} />}
          </Field>
          <Field label={t("setup.dayStart")} error={form.error("dailyHours.start")}>
            {(p) => <input {...p} type="time" value={v.start} onChange={(e) => form.set("start", e.target.value, "dailyHours.start")} />}
          </Field>
          <Field label={t("setup.dayEnd")} error={form.error("dailyHours.end")}>
            {(p) => <input {...p} type="time" value={v.end} onChange={(e) => form.set("end", e.target.value, "dailyHours.end")} />}
          </Field>
        </div>
        <h3 className="h3">{t("setup.breaks")}</h3>
        {v.breaks.length === 0 && <p className="muted">{t("setup.noBreaks")}</p>}
        <ul className="list compact">
          {v.breaks.map((b, i) => (
            <li key={i} className="row">
              <Field label={t("setup.breakStart", { n: n(i + 1) })} error={form.error(`breaks.${i}.start`) ?? form.error(`breaks.${i}`)}>
                {(p) => <input {...p} type="time" value={b.start} onChange={(e) => setItem("breaks", i, { ...b, start: e.target.value }, `breaks.${i}.start`)} />}
              </Field>
              <Field label={t("setup.breakEnd", { n: n(i + 1) })} error={form.error(`breaks.${i}.end`)}>
                {(p) => <input {...p} type="time" value={b.end} onChange={(e) => setItem("breaks", i, { ...b, end: e.target.value }, `breaks.${i}.end`)} />}
              </Field>
              <div className="actions"><button type="button" className="secondary" onClick={() => remove("breaks", i)} aria-label={t("setup.removeBreak", { n: n(i + 1) })}>{t("setup.remove")}</button></div>
            </li>
          ))}
        </ul>
        <button type="button" className="secondary" onClick={() => form.set("breaks", [...v.breaks, { start: "12:00", end: "13:00" }])}>{t("setup.addBreak")}</button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.capacity")}</legend>
        <div className="row">
          <Field label={t("setup.onsiteTables")} error={form.error("onsiteTables")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={2000} value={v.onsiteTables} onChange={(e) => form.set("onsiteTables", e.target.value)} />}
          </Field>
          <Field label={t("setup.onlineRooms")} error={form.error("onlineRoomsPerSlot")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={2000} value={v.onlineRoomsPerSlot} onChange={(e) => form.set("onlineRoomsPerSlot", e.target.value)} />}
          </Field>
        </div>
        <h3 className="h3">{t("setup.zones")}</h3>
        <p className="muted">{t("setup.zonesHint")}</p>
        <ul className="list compact">
          {v.tableZones.map((z, i) => (
            <li key={i} className="row">
              <Field label={t("setup.zoneFrom", { n: n(i + 1) })} error={form.error(`tableZones.${i}.from`)}>
                {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={z.from} onChange={(e) => setItem("tableZones", i, { ...z, from: e.target.value }, `tableZones.${i}.from`)} />}
              </Field>
              <Field label={t("setup.zoneTo", { n: n(i + 1) })} error={form.error(`tableZones.${i}.to`)}>
                {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={z.to} onChange={(e) => setItem("tableZones", i, { ...z, to: e.target.value }, `tableZones.${i}.to`)} />}
              </Field>
              <Field label={t("setup.zoneSector", { n: n(i + 1) })} error={form.error(`tableZones.${i}.sector`)}>
                {(p) => (
                  <select {...p} value={z.sector} onChange={(e) => setItem("tableZones", i, { ...z, sector: e.target.value }, `tableZones.${i}.sector`)}>
                    {sectors.map((s) => <option key={s.code} value={s.code}>{termLabel(s.code, i18n.language)}</option>)}
                  </select>
                )}
              </Field>
              <div className="actions"><button type="button" className="secondary" onClick={() => remove("tableZones", i)} aria-label={t("setup.removeZone", { n: n(i + 1) })}>{t("setup.remove")}</button></div>
            </li>
          ))}
        </ul>
        <button type="button" className="secondary" onClick={() => form.set("tableZones", [...v.tableZones, { from: "1", to: v.onsiteTables || "1", sector: sectors[0]?.code ?? "" }])}>{t("setup.addZone")}</button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t("setup.priorities")}</legend>
        <p className="muted">{t("setup.prioritiesHint")}</p>
        <ul className="list compact">
          {v.priorities.map((c, i) => {
            const code = c.country.trim().toUpperCase();
            return (
              <li key={i} className="row">
                <Field label={t("setup.country", { n: n(i + 1) })} error={form.error(`countryPriorities.${code}`) && c.country ? form.error(`countryPriorities.${code}`) : undefined} hint={/^[A-Z]{2}$/.test(code) ? countryName(code, i18n.language) : t("setup.countryHint")}>
                  {(p) => <input {...p} maxLength={2} autoCapitalize="characters" value={c.country} onChange={(e) => setItem("priorities", i, { ...c, country: e.target.value }, `countryPriorities.${e.target.value.trim().toUpperCase()}`)} />}
                </Field>
                <Field label={t("setup.weight", { n: n(i + 1) })} error={form.error(`countryPriorities.${code}`)}>
                  {(p) => <input {...p} type="number" inputMode="decimal" min={0} max={3} step={0.1} value={c.weight} onChange={(e) => setItem("priorities", i, { ...c, weight: e.target.value }, `countryPriorities.${code}`)} />}
                </Field>
                <div className="actions"><button type="button" className="secondary" onClick={() => remove("priorities", i)} aria-label={t("setup.removeCountry", { n: n(i + 1) })}>{t("setup.remove")}</button></div>
              </li>
            );
          })}
        </ul>
        <button type="button" className="secondary" onClick={() => form.set("priorities", [...v.priorities, { country: "", weight: "1" }])}>{t("setup.addCountry")}</button>
      </fieldset>

      <div className="panel" aria-live="polite">
        <p className="muted">{t("setup.replanHint")}</p>
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        {result && <Notice kind="ok">{t("setup.saved", { moved: n(result.moved), cancelled: n(result.cancelled) })}</Notice>}
        <div className="actions">
          <button type="submit" disabled={form.busy}>{form.busy ? t("state.working") : t("setup.save")}</button>
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
          <p><Link to="/organiser">{t("common.nav.console")}</Link></p>
          <h1 id="setup-title">{t("setup.title")}</h1>
          <Async query={current} empty={t("setup.noFair")}>
            {() => <Async query={setup} empty={t("setup.noFair")}>{(s) => <Editor key={s.slug} setup={s} />}</Async>}
          </Async>
        </>
      )}
    </RequireRole>
  );
}
