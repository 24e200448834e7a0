import { Link, useNavigate, useSearchParams } from "react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { InvitationAcceptSchema, isLocale, type SessionView } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { useSession } from "../../lib/session";
import { viewerTimeZone } from "../../lib/time";
import { Field } from "../../components/Field";
import { ConsentFields } from "../../components/ConsentFields";
import { Notice } from "../../components/States";
import { HOME_OF } from "../SignIn";
import { isDeadLink, LinkExpired } from "./LinkExpired";
import { usePageTitle } from "../../lib/usePageTitle";

const consents = InvitationAcceptSchema.shape.consents;
/** The contract's body, the required consent as its checkbox holds it (a boolean), refused by the contract's rule unless ticked. */
const AcceptFormSchema = InvitationAcceptSchema.extend({
  consents: consents.extend({ personalData: z.boolean().pipe(consents.shape.personalData) }),
});

/** The page the invitation mail links to: the invited person creates an account (the address is the invitation's) and is signed in. */
export default function AcceptInvitation() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("invite.acceptTitle"));
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [dead, setDead] = useState(false);
  const form = useForm({
    resolver: schemaResolver(AcceptFormSchema),
    defaultValues: {
      token: params.get("token") ?? "",
      name: "",
      password: "",
      locale: isLocale(i18n.language) ? i18n.language : "vi",
      timeZone: viewerTimeZone(),
      consents: { personalData: false, profileSharing: false, marketing: false },
    },
    mode: "all",
  });
  const save = useSubmit(
    form,
    async (body) => {
      const view = await send<SessionView>("POST", "/invitations/accept", body);
      signedIn(view);
      navigate(HOME_OF[view.user.role]);
    },
    {
      onError: (e) => {
        if (!isDeadLink(e)) return undefined;
        setDead(true);
        return "";
      },
    },
  );
  return (
    <section className="panel narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.acceptTitle")}</h1>
      {dead ? (
        <LinkExpired>
          {t("invite.askAgain")} <Link to="/signin">{t("common.nav.signIn")}</Link>
        </LinkExpired>
      ) : (
        <form onSubmit={save.onSubmit} noValidate>
          <p>{t("invite.acceptIntro")}</p>
          {/* A link without its token (cut short in the mail) says so on the first field, as the reset page does. */}
          <Field label={t("auth.name")} error={errorOf(form, "name") ?? errorOf(form, "token")}>
            {(p) => <input {...p} autoComplete="name" {...form.register("name")} />}
          </Field>
          <Field label={t("auth.password")} error={errorOf(form, "password")}>
            {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
          </Field>
          <ConsentFields register={(c) => form.register(`consents.${c}`)} error={errorOf(form, "consents.personalData")} sharing={false} />
          {save.failure && <Notice kind="error">{save.failure}</Notice>}
          <button type="submit" disabled={save.busy}>
            {save.busy ? t("state.working") : t("auth.createAccount")}
          </button>
        </form>
      )}
    </section>
  );
}
