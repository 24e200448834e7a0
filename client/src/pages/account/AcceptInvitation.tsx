import { Link, useNavigate, useSearchParams } from "react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InvitationAcceptSchema, isLocale, type SessionView } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useForm } from "../../lib/validation";
import { useSession } from "../../lib/session";
import { viewerTimeZone } from "../../lib/time";
import { Field } from "../../components/Field";
import { ConsentFields } from "../../components/ConsentFields";
import { Notice } from "../../components/States";
import { HOME_OF } from "../SignIn";
import { isDeadLink, LinkExpired } from "./LinkExpired";
import { usePageTitle } from "../../lib/usePageTitle";

type Values = { token: string; name: string; password: string; personalData: boolean; profileSharing: boolean; marketing: boolean; locale: string; timeZone: string };
const toBody = (v: Values) => ({
  token: v.token,
  name: v.name,
  password: v.password,
  locale: v.locale,
  timeZone: v.timeZone,
  consents: { personalData: v.personalData, profileSharing: v.profileSharing, marketing: v.marketing },
});

/** The page the invitation mail links to: the invited person creates an account (the address is the invitation's) and is signed in. */
export default function AcceptInvitation() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("invite.acceptTitle"));
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [dead, setDead] = useState(false);
  const form = useForm<Values>(
    InvitationAcceptSchema,
    { token: params.get("token") ?? "", name: "", password: "", personalData: false, profileSharing: false, marketing: false, locale: isLocale(i18n.language) ? i18n.language : "vi", timeZone: viewerTimeZone() },
    toBody,
  );
  const submit = form.submit(
    async (body) => {
      const view = await send<SessionView>("POST", "/invitations/accept", body);
      signedIn(view);
      navigate(HOME_OF[view.user.role]);
    },
    (e) => (isDeadLink(e) ? (setDead(true), "") : undefined),
  );
  const v = form.values;
  return (
    <section className="panel narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.acceptTitle")}</h1>
      {dead ? (
        <LinkExpired>{t("invite.askAgain")} <Link to="/signin">{t("common.nav.signIn")}</Link></LinkExpired>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t("invite.acceptIntro")}</p>
          <Field label={t("auth.name")} error={form.error("name")}>
            {(p) => <input {...p} autoComplete="name" value={v.name} onChange={(e) => form.set("name", e.target.value)} onBlur={() => form.touch("name")} />}
          </Field>
          <Field label={t("auth.password")} error={form.error("password")}>
            {(p) => <input {...p} type="password" autoComplete="new-password" value={v.password} onChange={(e) => form.set("password", e.target.value)} onBlur={() => form.touch("password")} />}
          </Field>
          <ConsentFields values={v} error={form.error("consents.personalData")} onChange={(k, on) => form.set(k, on, `consents.${k}`)} sharing={false} />
          {form.failure && <Notice kind="error">{form.failure}</Notice>}
          <button type="submit" disabled={form.busy}>{form.busy ? t("state.working") : t("auth.createAccount")}</button>
        </form>
      )}
    </section>
  );
}
