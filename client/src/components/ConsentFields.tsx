import { useTranslation } from "react-i18next";

export interface Consents {
  personalData: boolean;
  profileSharing: boolean;
  marketing: boolean;
}

/**
 * The consents asked when an account is created (Decree 13/2023/ND-CP): personal data (required),
 * profile sharing (only where the account owns a firm's profile), marketing.
 */
export function ConsentFields({ values, error, onChange, sharing = true }: { values: Consents; error?: string; onChange: (consent: keyof Consents, on: boolean) => void; sharing?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("common.auth.consents")}</legend>
      <div className={`field${error ? " invalid" : ""}`}>
        <label className="choice">
          <input type="checkbox" checked={values.personalData} aria-invalid={Boolean(error)} aria-describedby="consent-err" onChange={(e) => onChange("personalData", e.target.checked)} />
          {t("common.auth.consentPersonalData")}
        </label>
        {error && <small id="consent-err" className="field-error">{t("common.auth.consentRequired")}</small>}
      </div>
      {sharing && <label className="choice"><input type="checkbox" checked={values.profileSharing} onChange={(e) => onChange("profileSharing", e.target.checked)} /> {t("common.auth.consentSharing")}</label>}
      <label className="choice"><input type="checkbox" checked={values.marketing} onChange={(e) => onChange("marketing", e.target.checked)} /> {t("common.auth.consentMarketing")}</label>
    </fieldset>
  );
}
