import { useCallback, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RegisterBodySchema, isLocale } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { useForm } from "../lib/validation";
import { viewerTimeZone } from "../lib/time";
import { countryName } from "../lib/labels";
import { Field } from "../components/Field";
import { ConsentFields } from "../components/ConsentFields";
import { Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

const FOREIGN_COUNTRIES = ["JP", "KR", "TW", "HK", "CN", "SG", "TH", "US", "DE", "FR", "IT", "NL", "CZ", "GB", "SE", "CH", "IN"];

type Values = {
  role: "domestic" | "vendor";
  name: string;
  email: string;
  password: string;
  legalName: string;
  englishName: string;
  taxCode: string;
  country: string;
  district: string;
  personalData: boolean;
  profileSharing: boolean;
  marketing: boolean;
};

export default function SignUp() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("auth.signUpTitle"));
  /** Where the mail went: the api answers alike for every address, and the link finishes the registration. */
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const toBody = useCallback(
    (v: Values) => ({
      email: v.email,
      password: v.password,
      name: v.name,
      role: v.role,
      locale: isLocale(i18n.language) ? i18n.language : "vi",
      timeZone: v.role === "domestic" ? "Asia/Ho_Chi_Minh" : viewerTimeZone(),
      company: {
        legalName: v.legalName,
        ...(v.englishName.trim() ? { englishName: v.englishName } : {}),
        ...(v.role === "domestic" ? { taxCode: v.taxCode, district: v.district || undefined } : {}),
        country: v.role === "domestic" ? "VN" : v.country,
      },
      // personalData must be the literal true: an unticked box is sent as false and refused, as by the api.
      consents: { personalData: v.personalData, profileSharing: v.profileSharing, marketing: v.marketing },
    }),
    [i18n.language],
  );
  const form = useForm<Values>(
    RegisterBodySchema,
    { role: "domestic", name: "", email: "", password: "", legalName: "", englishName: "", taxCode: "", country: "JP", district: "", personalData: false, profileSharing: true, marketing: false },
    toBody,
  );
  const v = form.values;
  const text = (key: keyof Values, path: string, label: string, type = "text", autoComplete?: string) => (
    <Field label={label} error={form.error(path)}>
      {(p) => <input {...p} type={type} autoComplete={autoComplete} value={v[key] as string} onChange={(e) => form.set(key, e.target.value as never, path)} onBlur={() => form.touch(path)} />}
    </Field>
  );
  const submit = form.submit(async (body) => {
    await send("POST", "/auth/register", body);
    setMailedTo(v.email.trim());
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
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t("auth.firmKind")}</legend>
          <label className="choice"><input type="radio" name="role" checked={v.role === "domestic"} onChange={() => form.set("role", "domestic")} /> {t("auth.kindDomestic")}</label>
          <label className="choice"><input type="radio" name="role" checked={v.role === "vendor"} onChange={() => form.set("role", "vendor")} /> {t("auth.kindVendor")}</label>
        </fieldset>
        <fieldset>
          <legend>{t("auth.aboutFirm")}</legend>
          {text("legalName", "company.legalName", t("auth.legalName"), "text", "organization")}
          {text("englishName", "company.englishName", t("auth.englishName"))}
          {v.role === "domestic" ? (
            <>
              {text("taxCode", "company.taxCode", t("auth.taxCode"))}
              {text("district", "company.district", t("auth.district"))}
            </>
          ) : (
            <Field label={t("auth.country")} error={form.error("company.country")}>
              {(p) => (
                <select {...p} value={v.country} onChange={(e) => form.set("country", e.target.value, "company.country")}>
                  {FOREIGN_COUNTRIES.map((c) => <option key={c} value={c}>{countryName(c, i18n.language)}</option>)}
                </select>
              )}
            </Field>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("auth.aboutYou")}</legend>
          {text("name", "name", t("auth.name"), "text", "name")}
          {text("email", "email", t("auth.email"), "email", "username")}
          {text("password", "password", t("auth.password"), "password", "new-password")}
        </fieldset>
        <ConsentFields values={v} error={form.error("consents.personalData")} onChange={(k, on) => form.set(k, on, `consents.${k}`)} />
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <button type="submit" disabled={form.busy}>{form.busy ? t("state.working") : t("auth.createAccount")}</button>
      </form>
      <p>{t("auth.haveAccount")} <Link to="/signin">{t("common.nav.signIn")}</Link></p>
    </section>
  );
}
