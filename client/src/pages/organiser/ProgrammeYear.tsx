import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { PROGRAMME_MEASURES, ProgrammeTargetsBodySchema, type ProgrammeProgress, type ProgrammeTargetsBody } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { downloadFromApi } from "../../lib/download";
import { asNumber, errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { formatNumber, localized } from "../../lib/labels";
import { useProgrammeProgress } from "../../lib/queries/programme";
import { keys } from "../../lib/queries/keys";
import { useWrite } from "../../lib/queries/write";
import { Field } from "../../components/Field";
import { Async, Failure, Notice } from "../../components/States";

const range = (r: { min: number; max: number }, l: string) =>
  r.min === r.max ? formatNumber(r.min, l) : `${formatNumber(r.min, l)}–${formatNumber(r.max, l)}`;

/** The year's targets as organisers enter them: a low and a high figure per measure (the plans say "about 920", "30-40"). */
function TargetsForm({ year, targets, onSaved }: { year: number; targets: ProgrammeTargetsBody; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: schemaResolver(ProgrammeTargetsBodySchema), defaultValues: targets, mode: "onChange" });
  const put = useWrite((body: ProgrammeTargetsBody) => send("PUT", `/programme/${year}/targets`, body), [keys.programmeYear(year)]);
  const save = useSubmit(form, async (body) => {
    await put.mutateAsync(body);
    onSaved();
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-labelledby="year-targets-form">
      <h3 id="year-targets-form">{t("report.targetsForm", { year })}</h3>
      {PROGRAMME_MEASURES.map((m) => (
        <fieldset key={m} className="row">
          <legend>{t(`report.measure.${m}`)}</legend>
          <Field label={t("report.min")} error={errorOf(form, `${m}.min`)}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} {...form.register(`${m}.min`, asNumber)} />}
          </Field>
          <Field label={t("report.max")} error={errorOf(form, `${m}.max`)}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} {...form.register(`${m}.max`, asNumber)} />}
          </Field>
        </fieldset>
      ))}
      {save.failure && <Notice kind="error">{save.failure}</Notice>}
      <button type="submit" disabled={save.busy}>
        {t("report.saveTargets")}
      </button>
    </form>
  );
}

function YearFigures({ data }: { data: ProgrammeProgress }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const [saved, setSaved] = useState(false);
  return (
    <>
      <p className="muted">{data.entered ? t("report.targetsEntered") : t("report.targetsFromPlans")}</p>
      {PROGRAMME_MEASURES.map((m) => {
        const target = data.targets[m];
        const value = data.progress[m];
        const label = t(`report.measure.${m}`);
        const top = Math.max(target.min, 1);
        return (
          <div className="progress" key={m}>
            <div className="progress-head">
              <span>{label}</span>
              <strong>
                {formatNumber(value, l)} / {range(target, l)}
              </strong>
            </div>
            <meter min={0} max={top} value={Math.min(value, top)} low={top * 0.5} high={top * 0.9} optimum={top} aria-label={label} />
          </div>
        );
      })}
      <h3>{t("report.events", { count: data.events.length, n: formatNumber(data.events.length, l) })}</h3>
      {data.events.length ? (
        <ul className="list compact">
          {data.events.map((e) => (
            <li key={e.slug}>
              {localized(e.name, l)} · {t(`report.kind.${e.kind}`)} ·{" "}
              {t("report.eventFigures", { firms: formatNumber(e.firms, l), held: formatNumber(e.meetingsHeld, l) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("report.noEvents")}</p>
      )}
      {saved && <Notice kind="ok">{t("report.saved")}</Notice>}
      <TargetsForm key={`${data.year}:${data.updatedAt ?? "plans"}`} year={data.year} targets={data.targets} onSaved={() => setSaved(true)} />
    </>
  );
}

/**
 * The programme's year (organisers): progress towards the year's targets across all its events, the
 * targets form, and the periodic report to the People's Committee as a PDF and its figures as XLSX.
 */
export function ProgrammeYear({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(defaultYear);
  const years = Array.from({ length: 5 }, (_, i) => defaultYear - 3 + i);
  const progress = useProgrammeProgress(year);
  const download = useMutation({
    mutationFn: (ext: "pdf" | "xlsx") => downloadFromApi(`/programme/${year}/report.${ext}`, `bao-cao-chuong-trinh-${year}.${ext}`),
  });
  return (
    <section className="panel" aria-labelledby="programme-year">
      <h2 id="programme-year">{t("report.title")}</h2>
      <p className="muted">{t("report.hint")}</p>
      <div className="field">
        <label htmlFor="programme-year-pick">{t("report.year")}</label>
        <select id="programme-year-pick" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" disabled={download.isPending} onClick={() => download.mutate("pdf")}>
          {t("report.downloadPdf")}
        </button>
        <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate("xlsx")}>
          {t("report.downloadXlsx")}
        </button>
      </div>
      <Failure error={download.error} />
      <Async query={progress} empty={t("state.empty")}>
        {(data) => <YearFigures key={data.year} data={data} />}
      </Async>
    </section>
  );
}
