import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../lib/session";
import { pendingScans } from "../lib/offline/privateData";

/**
 * Signs out, which deletes everything private on this device, scans not yet sent included: with
 * such scans, it asks first.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(0);
  // The home page first, then the sign-out: a page that needs a role, still on screen while the
  // navigation renders, would otherwise send the signed-out person to sign in again, back to it.
  const { pathname } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const signedOut = useRef(false);
  useEffect(() => {
    if (!leaving || pathname !== "/" || signedOut.current) return;
    signedOut.current = true;
    void signOut();
  }, [leaving, pathname, signOut]);
  const leave = () => {
    setLeaving(true);
    navigate("/");
  };
  const ask = async () => {
    const n = await pendingScans().catch(() => 0);
    if (!n) return leave();
    setPending(n);
  };
  // The question exists only while it is asked (a hidden dialog's heading would still be in the page).
  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);
  return (
    <>
      <button type="button" className="secondary" onClick={() => void ask()}>
        {t("common.nav.signOut")}
      </button>
      {pending > 0 && (
        <dialog
          ref={dialog}
          className="panel confirm-dialog"
          aria-labelledby="sign-out-title"
          aria-describedby="sign-out-text"
          onClose={() => setPending(0)}
        >
          <h2 id="sign-out-title">{t("signOut.pendingTitle")}</h2>
          <p id="sign-out-text">{t("signOut.pendingText", { count: pending })}</p>
          {/* Staying is first, so it has the focus when the dialog opens. */}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t("signOut.cancel")}
            </button>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                leave();
              }}
            >
              {t("signOut.confirm")}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
