import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PasswordResetRequestSchema } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useForm } from "../../lib/validation";
import { Field } from "../../components/Field";
import { Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";

/** "Forgot password": mails a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPassword() {
  const { t } = useTranslation();
  usePageTitle(t("reset.requestTitle"));
  const [sent, setSent] = useState(false);
  const form = useForm(PasswordResetRequestSchema, { email: "" });
  const submit = form.submit(async (body) => {
    await send("POST", "/auth/password-reset", body);
    setSent(true);
  });
  return (
    <section className="panel narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("reset.requestTitle")}</h1>
      {sent ? (
        <Notice kind="ok">{t("reset.requestSent")}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t("reset.requestIntro")}</p>
          <Field label={t("auth.email")} error={form.error("email")}>
            {(p) => <input {...p} type="email" autoComplete="username" value={form.values.email} onChange={(e) => form.set("email", e.target.value)} onBlur={() => form.touch("email")} />}
          </Field>
          {form.failure && <Notice kind="error">{form.failure}</Notice>}
          <button type="submit" disabled={form.busy}>{form.busy ? t("state.working") : t("reset.requestSubmit")}</button>
        </form>
      )}
    </section>
  );
}
