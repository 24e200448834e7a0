import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { LoginBodySchema, type SessionView, type UserRole } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { useForm } from "../lib/validation";
import { useSession } from "../lib/session";
import { Field } from "../components/Field";
import { Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

/** Where each role starts after signing in. */
export const HOME_OF: Record<UserRole, string> = { organiser: "/organiser", interpreter: "/assignments", domestic: "/recommendations", vendor: "/recommendations" };

export default function SignIn() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signInTitle"));
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm(LoginBodySchema, { email: "", password: "" });
  const submit = form.submit(async (body) => {
    const view = await send<SessionView>("POST", "/auth/login", body);
    signedIn(view);
    const next = params.get("next");
    navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : HOME_OF[view.user.role]);
  });
  return (
    <section className="panel narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("auth.signInTitle")}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t("auth.email")} error={form.error("email")}>
          {(p) => <input {...p} type="email" autoComplete="username" value={form.values.email} onChange={(e) => form.set("email", e.target.value)} onBlur={() => form.touch("email")} />}
        </Field>
        <Field label={t("auth.password")} error={form.error("password")}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={form.values.password} onChange={(e) => form.set("password", e.target.value)} onBlur={() => form.touch("password")} />}
        </Field>
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <button type="submit" disabled={form.busy}>{form.busy ? t("state.working") : t("auth.signIn")}</button>
      </form>
      <p><Link to="/forgot-password">{t("reset.forgotLink")}</Link></p>
      <p>{t("auth.noAccount")} <Link to="/signup">{t("common.nav.signUp")}</Link></p>
    </section>
  );
}
