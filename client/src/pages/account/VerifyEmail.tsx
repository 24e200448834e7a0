import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { send, errorText } from "../../lib/api";
import { useSession, useUser } from "../../lib/session";
import { Notice } from "../../components/States";
import { isDeadLink, LinkExpired } from "./LinkExpired";
import { ResendVerification } from "./ResendVerification";
import { usePageTitle } from "../../lib/usePageTitle";

/** The page the verification mail links to: confirms the address as soon as it opens. */
export default function VerifyEmail() {
  const { t } = useTranslation();
  usePageTitle(t("verify.title"));
  const [params] = useSearchParams();
  const { refresh } = useSession();
  const user = useUser();
  const token = params.get("token") ?? "";
  const [state, setState] = useState<"working" | "done" | "dead" | { failed: string }>("working");
  useEffect(() => {
    let live = true;
    send("POST", "/auth/verify-email", { token }).then(
      () => {
        if (!live) return;
        setState("done");
        refresh();
      },
      (e: unknown) => live && setState(isDeadLink(e) ? "dead" : { failed: errorText(e) }),
    );
    return () => void (live = false);
  }, [token, refresh]);
  return (
    <section className="panel narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t("verify.title")}</h1>
      {state === "working" && <p role="status">{t("state.working")}</p>}
      {state === "done" && (
        <>
          <Notice kind="ok">{t("verify.done")}</Notice>
          <p>{user ? <Link to="/">{t("verify.continue")}</Link> : <Link to="/signin">{t("common.nav.signIn")}</Link>}</p>
        </>
      )}
      {state === "dead" && (
        <LinkExpired>
          {user ? (
            <ResendVerification />
          ) : (
            <>
              {t("verify.signInToResend")} <Link to="/signin?next=/account">{t("common.nav.signIn")}</Link>
            </>
          )}
        </LinkExpired>
      )}
      {typeof state === "object" && <Notice kind="error">{state.failed}</Notice>}
    </section>
  );
}
