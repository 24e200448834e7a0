import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../../lib/api";
import { Notice } from "../../components/States";

/** Asks for a new verification link for the signed-in user's address. */
export function ResendVerification() {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "busy" | "sent" | { failed: string }>("idle");
  const resend = () => {
    setState("busy");
    send("POST", "/auth/verify-email/resend", {}).then(
      () => setState("sent"),
      (e: unknown) => setState({ failed: errorText(e) }),
    );
  };
  if (state === "sent") return <Notice kind="ok">{t("verify.resent")}</Notice>;
  return (
    <>
      <button type="button" onClick={resend} disabled={state === "busy"}>
        {state === "busy" ? t("state.working") : t("verify.resend")}
      </button>
      {typeof state === "object" && <Notice kind="error">{state.failed}</Notice>}
    </>
  );
}
