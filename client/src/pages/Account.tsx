import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { AccountDeleteBodySchema, OPTIONAL_CONSENTS, type OptionalConsent } from "@ketnoi/contracts";
import { RequireRole } from "../components/RequireRole";
import { Field } from "../components/Field";
import { Async, Failure, Notice } from "../components/States";
import { useMyData } from "../lib/queries/me";
import { keys } from "../lib/queries/keys";
import { useWrite } from "../lib/queries/write";
import { useForm } from "react-hook-form";
import { send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/usePageTitle";
import { WhoScannedMe } from "../components/WhoScannedMe";

/** What the page reads of GET /api/me/data (the whole document is what the download gives). */
type MyData = { user: { consents: { purpose: string }[] } };
/** Each consent in the words the user agreed to at sign-up. */
const CONSENT_LABELS: Record<OptionalConsent, "common.auth.consentSharing" | "common.auth.consentMarketing" | "account.consentExhibitorContact"> = {
  profileSharing: "common.auth.consentSharing",
  marketing: "common.auth.consentMarketing",
  exhibitorContact: "account.consentExhibitorContact",
};

/** The optional consents, each saved as it is ticked (Decree 13/2023/ND-CP: withdrawn as easily as given). */
function Consents({ granted }: { granted: string[] }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(() => new Set(granted));
  const mark = (purpose: string, value: boolean) =>
    setOn((s) => {
      const next = new Set(s);
      if (value) next.add(purpose);
      else next.delete(purpose);
      return next;
    });
  // The box follows the click at once and goes back if the api refuses.
  const change = useWrite(
    ({ purpose, value }: { purpose: string; value: boolean }) => send("PATCH", "/me/consents", { [purpose]: value }),
    [keys.me.data],
  );
  const toggle = (purpose: string, value: boolean) => {
    mark(purpose, value);
    change.mutate({ purpose, value }, { onError: () => mark(purpose, !value) });
  };
  return (
    <section className="panel" aria-labelledby="consents-title">
      <h2 id="consents-title">{t("account.consents")}</h2>
      <p className="muted">{t("account.consentsHint")}</p>
      {OPTIONAL_CONSENTS.map((purpose) => (
        <label key={purpose} className="choice">
          <input type="checkbox" checked={on.has(purpose)} onChange={(e) => toggle(purpose, e.target.checked)} /> {t(CONSENT_LABELS[purpose])}
        </label>
      ))}
      {change.isSuccess && <Notice kind="ok">{t("account.saved")}</Notice>}
      <Failure error={change.error} />
    </section>
  );
}

/** Deleting the account: the password again, then signed out on the landing page. */
function DeleteAccount() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useForm({ resolver: schemaResolver(AccountDeleteBodySchema), defaultValues: { password: "" }, mode: "onChange" });
  const save = useSubmit(form, async (body) => {
    await send("POST", "/me/delete", body);
    refresh();
    navigate("/");
  });
  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("account.delete")}</h2>
      <p className="muted">{t("account.deleteHint")}</p>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t("account.delete")}
      </button>
      {open && (
        <form className="subform" onSubmit={save.onSubmit} noValidate>
          <Field label={t("account.password")} error={errorOf(form, "password")}>
            {(p) => <input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
          </Field>
          <button type="submit" disabled={save.busy}>
            {t("account.confirmDelete")}
          </button>
          {save.failure && <Notice kind="error">{save.failure}</Notice>}
        </form>
      )}
    </section>
  );
}

function AccountBody() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("common.account.title")}</h1>
      <section className="panel" aria-labelledby="badge-title">
        <h2 id="badge-title">{t("myBadge.title")}</h2>
        <p className="muted">{t("account.badgeHint")}</p>
        <p>
          <Link className="button-link" to="/my-badge">
            {t("common.nav.myBadge")}
          </Link>
        </p>
      </section>
      <Async query={useMyData<MyData>()} empty={null}>
        {(data) => <Consents granted={data.user.consents.map((c) => c.purpose)} />}
      </Async>
      <WhoScannedMe />
      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">{t("account.data")}</h2>
        <p className="muted">{t("account.dataHint")}</p>
        <p>
          <a className="button-link" href="/api/me/data" download="ketnoi-my-data.json">
            {t("account.download")}
          </a>
        </p>
      </section>
      <DeleteAccount />
    </>
  );
}

/** Account and personal data: consents, a copy of everything held, and deleting the account. */
export default function Account() {
  const { t } = useTranslation();
  usePageTitle(t("common.account.title"));
  return <RequireRole roles={["domestic", "vendor", "organiser", "interpreter"]}>{() => <AccountBody />}</RequireRole>;
}
