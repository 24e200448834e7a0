import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { LoginBodySchema, type SessionView, type UserRole } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import { send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { useSession } from "../lib/session";
import { Field } from "../components/Field";
import { Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

/** Where each role starts after signing in. */
export const HOME_OF: Record<UserRole, string> = {
  organiser: "/organiser",
  interpreter: "/assignments",
  domestic: "/recommendations",
  vendor: "/recommendations",
};

export default function SignIn() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signInTitle"));
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({ resolver: schemaResolver(LoginBodySchema), defaultValues: { email: "", password: "" }, mode: "all" });
  const save = useSubmit(form, async (body) => {
    const view = await send<SessionView>("POST", "/auth/login", body);
    signedIn(view);
    const next = params.get("next");
    navigate(next?.startsWith("/") && !next.startsWith("//") ? next : HOME_OF[view.user.role]);
  });
  return (
    <section className="panel narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("auth.signInTitle")}</h1>
      <form onSubmit={save.onSubmit} noValidate>
        <Field label={t("auth.email")} error={errorOf(form, "email")}>
          {(p) => <input {...p} type="email" autoComplete="username" {...form.register("email")} />}
        </Field>
        <Field label={t("auth.password")} error={errorOf(form, "password")}>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
        </Field>
        {save.failure && <Notice kind="error">{save.failure}</Notice>}
        <button type="submit" disabled={save.busy}>
          {save.busy ? t("state.working") : t("auth.signIn")}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t("reset.forgotLink")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to="/signup">{t("common.nav.signUp")}</Link>
      </p>
    </section>
  );
}
