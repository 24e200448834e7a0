import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useForm, type FieldPath } from "react-hook-form";
import { z } from "zod";
import { RegisterBodySchema, isLocale, type Locale } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { viewerTimeZone } from "../lib/time";
import { countryName } from "../lib/labels";
import { Field } from "../components/Field";
import { ConsentFields } from "../components/ConsentFields";
import { Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

const FOREIGN_COUNTRIES = ["JP", "KR", "TW", "HK", "CN", "SG", "TH", "US", "DE", "FR", "IT", "NL", "CZ", "GB", "SE", "CH", "IN"];

/**
 * What the form holds (the body's own paths, so the contract's and the api's messages land on their
 * fields), then the body the contract checks: the reader's language and zone, the firm's country by
 * its kind (a domestic firm is in Vietnam), a domestic firm's tax code and district only, no empty
 * English name. The first part takes anything typed; every rule is the contract's.
 */
export function signUpSchema(locale: Locale) {
  const text = z.string();
  return z
    .object({
      role: RegisterBodySchema.shape.role,
      name: text,
      email: text,
      password: text,
      company: z.object({ legalName: text, englishName: text, taxCode: text, country: text, district: text }),
      consents: z.object({ personalData: z.boolean(), profileSharing: z.boolean(), marketing: z.boolean() }),
    })
    .transform(({ company: c, consents, ...v }): z.input<typeof RegisterBodySchema> => {
      const domestic = v.role === "domestic";
      return {
        ...v,
        locale,
        timeZone: domestic ? "Asia/Ho_Chi_Minh" : viewerTimeZone(),
        company: {
          legalName: c.legalName,
          ...(c.englishName.trim() ? { englishName: c.englishName } : {}),
          ...(domestic ? { taxCode: c.taxCode, ...(c.district ? { district: c.district } : {}) } : {}),
          country: domestic ? "VN" : c.country,
        },
        // An unticked box goes as false, and the contract refuses it (personalData must be true), as the api does.
        consents: { ...consents, personalData: consents.personalData as true },
      };
    })
    .pipe(RegisterBodySchema);
}
type Values = z.input<ReturnType<typeof signUpSchema>>;

export default function SignUp() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("auth.signUpTitle"));
  /** Where the mail went: the api answers alike for every address, and the link finishes the registration. */
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const schema = useMemo(() => signUpSchema(isLocale(i18n.language) ? i18n.language : "vi"), [i18n.language]);
  const form = useForm({
    resolver: schemaResolver(schema),
    defaultValues: {
      role: "domestic" as const,
      name: "",
      email: "",
      password: "",
      company: { legalName: "", englishName: "", taxCode: "", country: "JP", district: "" },
      consents: { personalData: false, profileSharing: true, marketing: false },
    },
    mode: "all",
  });
  const domestic = form.watch("role") === "domestic";
  const text = (path: FieldPath<Values>, label: string, type = "text", autoComplete?: string) => (
    <Field label={label} error={errorOf(form, path)}>
      {(p) => <input {...p} type={type} autoComplete={autoComplete} {...form.register(path)} />}
    </Field>
  );
  const save = useSubmit(form, async (body) => {
    await send("POST", "/auth/register", body);
    setMailedTo(form.getValues("email").trim());
  });
  if (mailedTo) {
    return (
      <section className="panel narrow" aria-labelledby="check-email-title">
        <h1 id="check-email-title">{t("auth.checkEmailTitle")}</h1>
        <p role="status">{t("auth.checkEmail", { email: mailedTo })}</p>
      </section>
    );
  }
  return (
    <section className="panel narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("auth.signUpTitle")}</h1>
      <p className="muted">{t("auth.signUpIntro")}</p>
      <form onSubmit={save.onSubmit} noValidate>
        <fieldset>
          <legend>{t("auth.firmKind")}</legend>
          <label className="choice">
            <input type="radio" value="domestic" {...form.register("role")} /> {t("auth.kindDomestic")}
          </label>
          <label className="choice">
            <input type="radio" value="vendor" {...form.register("role")} /> {t("auth.kindVendor")}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t("auth.aboutFirm")}</legend>
          {text("company.legalName", t("auth.legalName"), "text", "organization")}
          {text("company.englishName", t("auth.englishName"))}
          {domestic ? (
            <>
              {text("company.taxCode", t("auth.taxCode"))}
              {text("company.district", t("auth.district"))}
            </>
          ) : (
            <Field label={t("auth.country")} error={errorOf(form, "company.country")}>
              {(p) => (
                <select {...p} {...form.register("company.country")}>
                  {FOREIGN_COUNTRIES.map((c) => (
                    <option key={c} value={c}>
                      {countryName(c, i18n.language)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("auth.aboutYou")}</legend>
          {text("name", t("auth.name"), "text", "name")}
          {text("email", t("auth.email"), "email", "username")}
          {text("password", t("auth.password"), "password", "new-password")}
        </fieldset>
        <ConsentFields register={(c) => form.register(`consents.${c}`)} error={errorOf(form, "consents.personalData")} />
        {save.failure && <Notice kind="error">{save.failure}</Notice>}
        <button type="submit" disabled={save.busy}>
          {save.busy ? t("state.working") : t("auth.createAccount")}
        </button>
      </form>
      <p>
        {t("auth.haveAccount")} <Link to="/signin">{t("common.nav.signIn")}</Link>
      </p>
    </section>
  );
}
