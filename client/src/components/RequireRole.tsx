import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import type { SessionUser, UserRole } from "@ketnoi/contracts";
import { useSession } from "../lib/session";
import { Loading } from "./States";

/** Renders its children for the given roles; sends signed-out visitors to sign in and back. */
export function RequireRole({ roles, children }: { roles: readonly UserRole[]; children: (user: SessionUser) => ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  if (session.status === "loading") return <Loading />;
  if (session.status === "signedOut") return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.user.role))
    return (
      <p className="panel" role="alert">
        {t("common.state.forbidden")}
      </p>
    );
  return <>{children(session.user)}</>;
}
