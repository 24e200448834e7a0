import { useSyncExternalStore } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useOnline } from "../lib/offline/useOnline";
import { useSession } from "../lib/session";
import { dateTimeIn, viewerTimeZone } from "../lib/time";

/** When the oldest data the page shows was read from the api (ms), or null when it shows none. */
export function oldestShownData(client: QueryClient): number | null {
  let oldest = Number.POSITIVE_INFINITY;
  for (const q of client.getQueryCache().findAll({ type: "active" }))
    if (q.state.data !== undefined && q.state.dataUpdatedAt > 0) oldest = Math.min(oldest, q.state.dataUpdatedAt);
  return Number.isFinite(oldest) ? oldest : null;
}

/**
 * Offline (the browser says so, or the server cannot be reached): the page shows what the device
 * kept, and says since when, in the viewer's zone.
 */
export function OfflineMark() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const { unreachable } = useSession();
  const client = useQueryClient();
  const since = useSyncExternalStore(
    (onChange) => client.getQueryCache().subscribe(onChange),
    () => oldestShownData(client),
  );
  // The server away while the network is up: its own notice says so; this one adds since when, if anything is shown.
  if (online && (!unreachable || since === null)) return null;
  return (
    <p className="notice offline-mark" role="status" data-testid="offline-mark">
      {since === null ? t("offline.noNetwork") : t("offline.lastUpdated", { time: dateTimeIn(since, viewerTimeZone(), i18n.language) })}
    </p>
  );
}
