import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { CompanyProfileSchema, CompanyProfileUpdateSchema, type TaxonomyKind } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { useCompany, useCompanyWrite } from "../lib/queries/companies";
import { asNumber, errorOf, schemaResolver, useSubmit } from "../lib/forms";
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

const profile = CompanyProfileSchema.shape;
/**
 * What the wizard asks, field by field as the contract checks it, then the PATCH body the contract
 * takes: the description in the reader's language beside the others, needs from the technologies
 * sought and "find buyers" (a domestic firm's capabilities), offers for a vendor.
 */
export function profileFormSchema(company: Private, language: string) {
  const domestic = company.kind === "domestic";
  return z
    .object({
      sectors: profile.sectors,
      languages: profile.languages,
      participation: profile.participation,
      employees: profile.employees,
      description: z.string(),
      processes: profile.processes,
      certifications: profile.certifications,
      offers: profile.offers,
      technologyNeeds: z.array(z.string()),
      wantsBuyers: z.boolean(),
    })
    .transform(
      (v): z.input<typeof CompanyProfileUpdateSchema> => ({
        sectors: v.sectors,
        participation: v.participation,
        languages: v.languages,
        ...(v.employees !== undefined ? { employees: v.employees } : {}),
        ...(v.description.trim() ? { description: { ...(company.description ?? {}), [language]: v.description.trim() } } : {}),
        certifications: v.certifications,
        ...(domestic
          ? {
              processes: v.processes,
              needs: [
                ...(v.technologyNeeds.length ? [{ kind: "technology" as const, codes: v.technologyNeeds, priority: 2 }] : []),
                ...(v.wantsBuyers && v.processes.length ? [{ kind: "buyer" as const, codes: v.processes.map((p) => p.code), priority: 2 }] : []),
              ],
            }
          : { offers: v.offers }),
      }),
    )
    .pipe(CompanyProfileUpdateSchema);
}

const STEPS = ["basics", "processes", "certifications", "needs", "review"] as const;

function Checkboxes({
  kind,
  legend,
  selected,
  onToggle,
}: {
  kind: TaxonomyKind;
  legend: string;
  selected: string[];
  onToggle: (code: string, on: boolean) => void;
}) {
  const { i18n } = useTranslation();
  return (
    <fieldset className="pick">
      <legend>{legend}</legend>
      <div className="pick-grid">
        {termsOf(kind).map((term) => (
          <label key={term.code} className={`choice${term.parent ? " child" : ""}`}>
            <input type="checkbox" checked={selected.includes(term.code)} onChange={(e) => onToggle(term.code, e.target.checked)} />
            {termLabel(term.code, i18n.language)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A list of `{ code }` items (processes, certifications, offers) ticked on and off as checkboxes. */
type CodeItems = {
  fields: { code: string }[];
  append: (item: { code: string }, options: { shouldFocus: boolean }) => void;
  remove: (i: number) => void;
};
function codeItems(items: CodeItems) {
  return {
    selected: items.fields.map((f) => f.code),
    onToggle: (code: string, on: boolean) =>
      on ? items.append({ code }, { shouldFocus: false }) : items.remove(items.fields.findIndex((f) => f.code === code)),
  };
}

/** The profile wizard: sectors and basics, processes, certifications, needs or offers, then review and save (PATCH). */
export function Wizard({ company }: { company: Private }) {
  const { t, i18n } = useTranslation();
  const domestic = company.kind === "domestic";
  const schema = useMemo(() => profileFormSchema(company, i18n.language), [company, i18n.language]);
  const form = useForm({
    resolver: schemaResolver(schema),
    mode: "onChange",
    defaultValues: {
      sectors: company.sectors,
      processes: company.processes.map(({ code }) => ({ code })),
      certifications: company.certifications.map(({ code }) => ({ code })),
      technologyNeeds: company.needs.filter((n) => n.kind === "technology").flatMap((n) => n.codes),
      wantsBuyers: company.needs.some((n) => n.kind === "buyer"),
      offers: company.offers.map(({ code }) => ({ code })),
      languages: company.languages,
      participation: company.participation,
      employees: company.employees,
      description: company.description?.[i18n.language] ?? "",
    },
  });
  const processes = codeItems(useFieldArray({ control: form.control, name: "processes" }));
  const certifications = codeItems(useFieldArray({ control: form.control, name: "certifications" }));
  const offers = codeItems(useFieldArray({ control: form.control, name: "offers" }));
  // Plain lists of codes (useFieldArray keeps objects): ticked on and off as a whole list.
  const [sectors, languages, technologyNeeds] = form.watch(["sectors", "languages", "technologyNeeds"]);
  const toggle = (name: "sectors" | "languages" | "technologyNeeds", list: string[]) => (code: string, on: boolean) =>
    form.setValue(name, on ? [...list, code] : list.filter((c) => c !== code), { shouldValidate: true, shouldDirty: true });
  const error = (path: string) => errorOf(form, path);
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState(false);
  const update = useCompanyWrite((body: unknown) => send("PATCH", `/companies/${company.id}`, body));
  const save = useSubmit(form, async (body) => {
    await update.mutateAsync(body);
    setSaved(true);
  });
  const labels = (codes: string[]) => codes.map((c) => termLabel(c, i18n.language)).join(", ") || "—";
  const name = STEPS[step]!;
  return (
    <section className="panel wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">{t("onboarding.title", { name: company.legalName })}</h1>
      <ol className="steps" aria-label={t("onboarding.progress")}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? "step" : undefined} className={i === step ? "current" : i < step ? "done" : ""}>
            {t(`onboarding.step.${s}`)}
          </li>
        ))}
      </ol>
      <h2>{t(`onboarding.step.${name}`)}</h2>
      {name === "basics" && (
        <>
          <Checkboxes kind="sector" legend={t("company.sectors")} selected={sectors} onToggle={toggle("sectors", sectors)} />
          {error("sectors") && <small className="field-error">{error("sectors")}</small>}
          <fieldset className="pick">
            <legend>{t("company.languages")}</legend>
            <div className="pick-grid">
              {SPOKEN_LANGUAGES.map((l) => (
                <label key={l} className="choice">
                  <input type="checkbox" checked={languages.includes(l)} onChange={(e) => toggle("languages", languages)(l, e.target.checked)} />
                  {languageName(l, i18n.language)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="row">
            <Field label={t("company.participation")} error={error("participation")}>
              {(p) => (
                <select {...p} {...form.register("participation")}>
                  <option value="onsite">{t("common.directory.participation.onsite")}</option>
                  <option value="remote">{t("common.directory.participation.remote")}</option>
                </select>
              )}
            </Field>
            <Field label={t("company.employees")} error={error("employees")}>
              {(p) => <input {...p} type="number" inputMode="numeric" {...form.register("employees", asNumber)} />}
            </Field>
          </div>
          <Field
            label={t("onboarding.description")}
            error={error(`description.${i18n.language}`) ?? error("description")}
            hint={t("onboarding.descriptionHint")}
          >
            {(p) => <textarea {...p} rows={3} {...form.register("description")} />}
          </Field>
        </>
      )}
      {name === "processes" &&
        (domestic ? (
          <Checkboxes kind="process" legend={t("onboarding.processesLegend")} {...processes} />
        ) : (
          <Checkboxes kind="technology" legend={t("onboarding.offersLegend")} {...offers} />
        ))}
      {name === "certifications" && <Checkboxes kind="certification" legend={t("onboarding.certificationsLegend")} {...certifications} />}
      {name === "needs" &&
        (domestic ? (
          <>
            <Checkboxes
              kind="technology"
              legend={t("onboarding.needsLegend")}
              selected={technologyNeeds}
              onToggle={toggle("technologyNeeds", technologyNeeds)}
            />
            <label className="choice">
              <input type="checkbox" {...form.register("wantsBuyers")} /> {t("onboarding.wantsBuyers")}
            </label>
          </>
        ) : (
          <p className="muted">{t("onboarding.vendorNeeds")}</p>
        ))}
      {name === "review" && (
        <dl className="facts-list review">
          <div>
            <dt>{t("company.sectors")}</dt>
            <dd>{labels(sectors)}</dd>
          </div>
          {domestic ? (
            <div>
              <dt>{t("company.processes")}</dt>
              <dd>{labels(processes.selected)}</dd>
            </div>
          ) : (
            <div>
              <dt>{t("company.offers")}</dt>
              <dd>{labels(offers.selected)}</dd>
            </div>
          )}
          <div>
            <dt>{t("company.certifications")}</dt>
            <dd>{labels(certifications.selected)}</dd>
          </div>
          {domestic && (
            <div>
              <dt>{t("company.needs")}</dt>
              <dd>{labels(technologyNeeds)}</dd>
            </div>
          )}
          <div>
            <dt>{t("company.languages")}</dt>
            <dd>{languages.map((l) => languageName(l, i18n.language)).join(", ") || "—"}</dd>
          </div>
        </dl>
      )}
      {save.failure && <Notice kind="error">{save.failure}</Notice>}
      {saved && (
        <Notice kind="ok">
          {t("onboarding.saved")} <Link to="/recommendations">{t("common.nav.recommendations")}</Link> ·{" "}
          <Link to={`/companies/${company.id}`}>{t("onboarding.viewPage")}</Link>
        </Notice>
      )}
      <div className="actions">
        {step > 0 && (
          <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
            {t("onboarding.back")}
          </button>
        )}
        {step < STEPS.length - 1 ? (
          <button type="button" onClick={() => setStep(step + 1)}>
            {t("onboarding.next")}
          </button>
        ) : (
          <button type="button" onClick={() => void save.onSubmit()}>
            {t("onboarding.save")}
          </button>
        )}
      </div>
    </section>
  );
}

function Loader({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  // The wizard starts from the company as read once: reading it again after a save must not reset the steps.
  return (
    <Async query={useCompany<Private>(companyId)} empty={t("company.notFound")}>
      {(c) => <Wizard company={c} />}
    </Async>
  );
}

export default function Onboarding() {
  const { t } = useTranslation();
  usePageTitle(t("common.nav.profile"));
  return <RequireRole roles={["domestic", "vendor"]}>{(user) => <Loader companyId={user.companyId ?? ""} />}</RequireRole>;
}
