import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useUser } from "../lib/session";
import { ResendVerification } from "../pages/account/ResendVerification";

/** A gentle reminder, on every page, for a signed-in user whose address is not confirmed yet. */
export function VerifyNotice() {
  const { t } = useTranslation();
  const user = useUser();
  const { pathname } = useLocation();
  if (!user || user.emailVerified || pathname === "/verify-email") return null;
  return (
    <aside className="banner verify-notice" aria-label={t("common.verify.noticeLabel")} data-testid="verify-notice">
      {t("common.verify.notice", { email: user.email })} <ResendVerification />
    </aside>
  );
}
