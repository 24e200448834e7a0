import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api";
import { Notice } from "../../components/States";

/** A mailed link's token the api does not know (used, expired or mistyped) answers 404. */
export const isDeadLink = (e: unknown) => e instanceof ApiError && e.status === 404;

/** What a person sees when a mailed link no longer works, and what to do instead. */
export function LinkExpired({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice kind="error">{t("link.expired")}</Notice>
      <p>{children}</p>
    </>
  );
}
