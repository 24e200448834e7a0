import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { SessionView } from "@ketnoi/contracts";
import { send, errorText, sessionSettled } from "../../lib/api";
import { useSession } from "../../lib/session";
import { Notice } from "../../components/States";
import { isDeadLink, LinkExpired } from "./LinkExpired";
import { usePageTitle } from "../../lib/usePageTitle";

/**
 * The page the registration mail links to: opening it creates the firm and its owner (the link
 * proves the address) and signs in, then the profile wizard follows.
 */
export default function ConfirmRegistration() {
  const { t } = useTranslation();
  usePageTitle(t("auth.confirmTitle"));
  const [params] = useSearchParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const token = params.get("token") ?? "";
  const [state, setState] = useState<"working" | "dead" | { failed: string }>(token ? "working" : "dead");
  // The link works once: sent once, though development's strict mode runs effects twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    // Sent once the session is known: a second visit (signed in by the first) must carry its token.
    sessionSettled()
      .then(() => send<SessionView>("POST", "/auth/register/confirm", { token }))
      .then(
        (view) => {
          signedIn(view);
          navigate("/onboarding", { replace: true });
        },
        (e: unknown) => setState(isDeadLink(e) ? "dead" : { failed: errorText(e) }),
      );
  }, [token, signedIn, navigate]);
  return (
    <section className="panel narrow" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("auth.confirmTitle")}</h1>
      {state === "working" && <p role="status">{t("state.working")}</p>}
      {state === "dead" && (
        <LinkExpired>
          <Link to="/signup">{t("auth.registerAgain")}</Link>
        </LinkExpired>
      )}
      {typeof state === "object" && <Notice kind="error">{state.failed}</Notice>}
    </section>
  );
}
