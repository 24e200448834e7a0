import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PasswordResetRequestSchema } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useForm } from "react-hook-form";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { Field } from "../../components/Field";
import { Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";

/** "Forgot password": mails a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPassword() {
  const { t } = useTranslation();
  usePageTitle(t("reset.requestTitle"));
  const [sent, setSent] = useState(false);
  const form = useForm({ resolver: schemaResolver(PasswordResetRequestSchema), defaultValues: { email: "" }, mode: "all" });
  const save = useSubmit(form, async (body) => {
    await send("POST", "/auth/password-reset", body);
    setSent(true);
  });
  return (
    <section className="panel narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("reset.requestTitle")}</h1>
      {sent ? (
        <Notice kind="ok">{t("reset.requestSent")}</Notice>
      ) : (
        <form onSubmit={save.onSubmit} noValidate>
          <p>{t("reset.requestIntro")}</p>
          <Field label={t("auth.email")} error={errorOf(form, "email")}>
            {(p) => <input {...p} type="email" autoComplete="username" {...form.register("email")} />}
          </Field>
          {save.failure && <Notice kind="error">{save.failure}</Notice>}
          <button type="submit" disabled={save.busy}>
            {save.busy ? t("state.working") : t("reset.requestSubmit")}
          </button>
        </form>
      )}
    </section>
  );
}
