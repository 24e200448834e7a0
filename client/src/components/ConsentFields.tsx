import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

type Consent = "personalData" | "profileSharing" | "marketing";

/**
 * The consents asked when an account is created (Decree 13/2023/ND-CP): personal data (required),
 * profile sharing (only where the account owns a firm's profile), marketing. Each box is the form's
 * own field (`register` gives its `consents.<name>`).
 */
export function ConsentFields({
  register,
  error,
  sharing = true,
}: {
  register: (consent: Consent) => UseFormRegisterReturn;
  error?: string;
  sharing?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("common.auth.consents")}</legend>
      <div className={`field${error ? " invalid" : ""}`}>
        <label className="choice">
          <input type="checkbox" aria-invalid={Boolean(error)} aria-describedby="consent-err" {...register("personalData")} />
          {t("common.auth.consentPersonalData")}
        </label>
        {error && (
          <small id="consent-err" className="field-error">
            {t("common.auth.consentRequired")}
          </small>
        )}
      </div>
      {sharing && (
        <label className="choice">
          <input type="checkbox" {...register("profileSharing")} /> {t("common.auth.consentSharing")}
        </label>
      )}
      <label className="choice">
        <input type="checkbox" {...register("marketing")} /> {t("common.auth.consentMarketing")}
      </label>
    </fieldset>
  );
}
