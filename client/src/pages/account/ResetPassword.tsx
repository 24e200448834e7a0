import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { PasswordResetConfirmSchema } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useForm } from "react-hook-form";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { Field } from "../../components/Field";
import { Notice } from "../../components/States";
import { isDeadLink, LinkExpired } from "./LinkExpired";
import { usePageTitle } from "../../lib/usePageTitle";

/** The page the reset mail links to: a new password, then sign in with it (every other session ends). */
export default function ResetPassword() {
  const { t } = useTranslation();
  usePageTitle(t("reset.title"));
  const [params] = useSearchParams();
  const [state, setState] = useState<"form" | "done" | "dead">("form");
  const form = useForm({
    resolver: schemaResolver(PasswordResetConfirmSchema),
    defaultValues: { token: params.get("token") ?? "", password: "" },
    mode: "all",
  });
  const save = useSubmit(
    form,
    async (body) => {
      await send("POST", "/auth/password-reset/confirm", body);
      setState("done");
    },
    {
      onError: (e) => {
        if (!isDeadLink(e)) return undefined;
        setState("dead");
        return "";
      },
    },
  );
  return (
    <section className="panel narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      {state === "done" && (
        <>
          <Notice kind="ok">{t("reset.done")}</Notice>
          <p>
            <Link to="/signin">{t("common.nav.signIn")}</Link>
          </p>
        </>
      )}
      {state === "dead" && (
        <LinkExpired>
          <Link to="/forgot-password">{t("reset.askAgain")}</Link>
        </LinkExpired>
      )}
      {state === "form" && (
        <form onSubmit={save.onSubmit} noValidate>
          <Field label={t("reset.newPassword")} error={errorOf(form, "password") ?? errorOf(form, "token")}>
            {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
          </Field>
          {save.failure && <Notice kind="error">{save.failure}</Notice>}
          <button type="submit" disabled={save.busy}>
            {save.busy ? t("state.working") : t("reset.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
