import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { CompanyProfileUpdateSchema, type TaxonomyKind } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { useCompany, useCompanyWrite } from "../lib/queries/companies";
import { useForm } from "../lib/validation";
import { languageName, SPOKEN_LANGUAGES, termLabel, termsOf } from "../lib/labels";
import { RequireRole } from "../components/RequireRole";
import { Async, Notice } from "../components/States";
import { Field } from "../components/Field";
import { usePageTitle } from "../lib/usePageTitle";

type Private = {
  id: string;
  kind: "domestic" | "foreign";
  legalName: string;
  participation: "onsite" | "remote";
  sectors: string[];
  processes: { code: string }[];
  certifications: { code: string }[];
  needs: { kind: string; codes: string[] }[];
  offers: { code: string }[];
  languages: string[];
  employees?: number;
  description?: Record<string, string>;
};
type Values = {
  sectors: string[];
  processes: string[];
  certifications: string[];
  technologyNeeds: string[];
  wantsBuyers: boolean;
  offers: string[];
  languages: string[];
  participation: "onsite" | "remote";
  employees: string;
  description: string;
};

const STEPS = ["basics", "processes", "certifications", "needs", "review"] as const;

function Checkboxes({ kind, legend, values, onChange }: { kind: TaxonomyKind; legend: string; values: string[]; onChange: (v: string[]) => void }) {
  const { i18n } = useTranslation();
  const toggle = (code: string, on: boolean) => onChange(on ? [...values, code] : values.filter((c) => c !== code));
  return (
    <fieldset className="pick">
      <legend>{legend}</legend>
      <div className="pick-grid">
        {termsOf(kind).map((term) => (
          <label key={term.code} className={`choice${term.parent ? " child" : ""}`}>
            <input type="checkbox" checked={values.includes(term.code)} onChange={(e) => toggle(term.code, e.target.checked)} />
            {termLabel(term.code, i18n.language)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The profile wizard: sectors and basics, processes, certifications, needs or offers, then review and save (PATCH). */
function Wizard({ company }: { company: Private }) {
  const { t, i18n } = useTranslation();
  const domestic = company.kind === "domestic";
  const toBody = (v: Values) => ({
    sectors: v.sectors,
    participation: v.participation,
    languages: v.languages,
    ...(v.employees ? { employees: Number(v.employees) } : {}),
    ...(v.description.trim() ? { description: { ...(company.description ?? {}), [i18n.language]: v.description.trim() } } : {}),
    ...(domestic
      ? {
          processes: v.processes.map((code) => ({ code })),
          certifications: v.certifications.map((code) => ({ code })),
          needs: [
            ...(v.technologyNeeds.length ? [{ kind: "technology" as const, codes: v.technologyNeeds, priority: 2 }] : []),
            ...(v.wantsBuyers && v.processes.length ? [{ kind: "buyer" as const, codes: v.processes, priority: 2 }] : []),
          ],
        }
      : { offers: v.offers.map((code) => ({ code })), certifications: v.certifications.map((code) => ({ code })) }),
  });
  const form = useForm<Values>(
    CompanyProfileUpdateSchema,
    {
      sectors: company.sectors,
      processes: company.processes.map((p) => p.code),
      certifications: company.certifications.map((c) => c.code),
      technologyNeeds: company.needs.filter((n) => n.kind === "technology").flatMap((n) => n.codes),
      wantsBuyers: company.needs.some((n) => n.kind === "buyer"),
      offers: company.offers.map((o) => o.code),
      languages: company.languages,
      participation: company.participation,
      employees: company.employees ? String(company.employees) : "",
      description: company.description?.[i18n.language] ?? "",
    },
    toBody,
  );
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const update = useCompanyWrite((body: unknown) => send("PATCH", `/companies/${company.id}`, body));
  const save = form.submit(async (body) => {
    await update.mutateAsync(body);
    setSaved(true);
  });
  const name = STEPS[step]!;
  return (
    <section className="panel wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">{t("onboarding.title", { name: company.legalName })}</h1>
      <ol className="steps" aria-label={t("onboarding.progress")}>
        {STEPS.map((s, i) => <li key={s} aria-current={i === step ? "step" : undefined} className={i === step ? "current" : i < step ? "done" : ""}>{t(`onboarding.step.${s}`)}</li>)}
      </ol>
      <h2>{t(`onboarding.step.${name}`)}</h2>
      {name === "basics" && (
        <>
          <Checkboxes kind="sector" legend={t("company.sectors")} values={v.sectors} onChange={(x) => form.set("sectors", x)} />
          {form.error("sectors") && <small className="field-error">{form.error("sectors")}</small>}
          <fieldset className="pick">
            <legend>{t("company.languages")}</legend>
            <div className="pick-grid">
              {SPOKEN_LANGUAGES.map((l) => (
                <label key={l} className="choice"><input type="checkbox" checked={v.languages.includes(l)} onChange={(e) => form.set("languages", e.target.checked ? [...v.languages, l] : v.languages.filter((x) => x !== l))} />{languageName(l, i18n.language)}</label>
              ))}
            </div>
          </fieldset>
          <div className="row">
            <Field label={t("company.participation")} error={form.error("participation")}>
              {(p) => (
                <select {...p} value={v.participation} onChange={(e) => form.set("participation", e.target.value as "onsite" | "remote")}>
                  <option value="onsite">{t("common.directory.participation.onsite")}</option>
                  <option value="remote">{t("common.directory.participation.remote")}</option>
                </select>
              )}
            </Field>
            <Field label={t("company.employees")} error={form.error("employees")}>
              {(p) => <input {...p} type="number" inputMode="numeric" value={v.employees} onChange={(e) => form.set("employees", e.target.value)} />}
            </Field>
          </div>
          <Field label={t("onboarding.description")} error={form.error(`description.${i18n.language}`)} hint={t("onboarding.descriptionHint")}>
            {(p) => <textarea {...p} rows={3} value={v.description} onChange={(e) => form.set("description", e.target.value, `description.${i18n.language}`)} />}
          </Field>
        </>
      )}
      {name === "processes" && (domestic ? (
        <Checkboxes kind="process" legend={t("onboarding.processesLegend")} values={v.processes} onChange={(x) => form.set("processes", x)} />
      ) : (
        <Checkboxes kind="technology" legend={t("onboarding.offersLegend")} values={v.offers} onChange={(x) => form.set("offers", x)} />
      ))}
      {name === "certifications" && <Checkboxes kind="certification" legend={t("onboarding.certificationsLegend")} values={v.certifications} onChange={(x) => form.set("certifications", x)} />}
      {name === "needs" && (domestic ? (
        <>
          <Checkboxes kind="technology" legend={t("onboarding.needsLegend")} values={v.technologyNeeds} onChange={(x) => form.set("technologyNeeds", x)} />
          <label className="choice"><input type="checkbox" checked={v.wantsBuyers} onChange={(e) => form.set("wantsBuyers", e.target.checked)} /> {t("onboarding.wantsBuyers")}</label>
        </>
      ) : (
        <p className="muted">{t("onboarding.vendorNeeds")}</p>
      ))}
      {name === "review" && (
        <dl className="facts-list review">
          <div><dt>{t("company.sectors")}</dt><dd>{v.sectors.map((c) => termLabel(c, i18n.language)).join(", ") || "—"}</dd></div>
          {domestic ? <div><dt>{t("company.processes")}</dt><dd>{v.processes.map((c) => termLabel(c, i18n.language)).join(", ") || "—"}</dd></div> : <div><dt>{t("company.offers")}</dt><dd>{v.offers.map((c) => termLabel(c, i18n.language)).join(", ") || "—"}</dd></div>}
          <div><dt>{t("company.certifications")}</dt><dd>{v.certifications.map((c) => termLabel(c, i18n.language)).join(", ") || "—"}</dd></div>
          {domestic && <div><dt>{t("company.needs")}</dt><dd>{v.technologyNeeds.map((c) => termLabel(c, i18n.language)).join(", ") || "—"}</dd></div>}
          <div><dt>{t("company.languages")}</dt><dd>{v.languages.map((l) => languageName(l, i18n.language)).join(", ") || "—"}</dd></div>
        </dl>
      )}
      {form.failure && <Notice kind="error">{form.failure}</Notice>}
      {saved && <Notice kind="ok">{t("onboarding.saved")} <Link to="/recommendations">{t("common.nav.recommendations")}</Link> · <Link to={`/companies/${company.id}`}>{t("onboarding.viewPage")}</Link></Notice>}
      <div className="actions">
        {step > 0 && <button type="button" className="secondary" onClick={() => setStep(step - 1)}>{t("onboarding.back")}</button>}
        {step < STEPS.length - 1 ? <button type="button" onClick={() => setStep(step + 1)}>{t("onboarding.next")}</button> : <button type="button" onClick={() => void save()}>{t("onboarding.save")}</button>}
      </div>
    </section>
  );
}

function Loader({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  // The wizard starts from the company as read once: reading it again after a save must not reset the steps.
  return <Async query={useCompany<Private>(companyId)} empty={t("company.notFound")}>{(c) => <Wizard company={c} />}</Async>;
}

export default function Onboarding() {
  const { t } = useTranslation();
  usePageTitle(t("common.nav.profile"));
  return <RequireRole roles={["domestic", "vendor"]}>{(user) => <Loader companyId={user.companyId ?? ""} />}</RequireRole>;
}
