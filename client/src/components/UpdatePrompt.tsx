import { useTranslation } from "react-i18next";
import { useRegisterSW } from "virtual:pwa-register/react";

/** How often an open app asks whether a new version was deployed (a page left open all day does not navigate). */
const CHECK_EVERY_MS = 30 * 60_000;

/**
 * Registers the service worker and, when a new version has been deployed and downloaded, says so
 * with a button: the new version takes over only when the person reloads, never under their hands
 * (a form half filled, a scan in progress).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined); // offline or server away: next time
      }, CHECK_EVERY_MS);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t("pwa.updateAvailable")}</span>
      <button type="button" onClick={() => void updateServiceWorker(true)}>
        {t("pwa.reload")}
      </button>
    </div>
  );
}
