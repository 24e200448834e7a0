import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { FAIR_TIME_ZONE } from "@ketnoi/contracts";
import { getJson, send } from "../lib/api";
import { openLiveSocket } from "../lib/liveApi";
import { dateTimeIn, zones } from "../lib/slotTime";
import { viewerTimeZone } from "../lib/time";

interface Notification {
  id: string;
  kind: string;
  meetingId?: string;
  data: { counterpart?: string; start?: string; table?: number };
  createdAt: string;
  read: boolean;
}

/**
 * The signed-in user's notifications: read from the api, then kept live by the realtime service.
 * The list is read on every (re)connect, the first included, so what arrived while the connection
 * was down shows up without reloading the page; a page load reads it once (not on mount and again on
 * connect). If the socket cannot connect at all, the list is read anyway.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const reload = useCallback(() => void getJson<Notification[]>("/me/notifications?limit=20").then(setItems, () => undefined), []);

  useEffect(() => {
    let read = false;
    const readNow = () => {
      read = true;
      reload();
    };
    const socket = openLiveSocket([], readNow);
    socket.on("connect_error", () => void (read || readNow()));
    socket.on("notification", (n) => setItems((list) => [{ ...(n as Omit<Notification, "read">), read: false }, ...list.filter((x) => x.id !== n.id)].slice(0, 20)));
    return () => void socket.disconnect();
  }, [reload]);

  const unread = items.filter((n) => !n.read);
  const markRead = async () => {
    if (!unread.length) return;
    await send("POST", "/me/notifications/read", { ids: unread.map((n) => n.id) }).catch(() => undefined);
    setItems((list) => list.map((n) => ({ ...n, read: true })));
  };
  const when = (iso: string) => dateTimeIn(iso, viewerTimeZone(), i18n.language);

  return (
    <div className="notifications">
      <button type="button" className="secondary" aria-expanded={open} aria-controls="notification-panel" onClick={() => setOpen((o) => !o)} data-testid="notification-bell">
        {t("notify.title")}
        {unread.length > 0 && <span className="badge" aria-label={t("notify.unread", { count: unread.length })}>{unread.length}</span>}
      </button>
      {open && (
        <div id="notification-panel" className="notification-panel" ref={panel} role="region" aria-label={t("notify.title")}>
          {items.length === 0 ? (
            <p className="muted">{t("notify.none")}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.read ? "read" : "unread"} data-testid="notification">
                  {n.meetingId ? <Link to={`/meetings/${n.meetingId}`}>{t(`notify.kind.${n.kind}`, { who: n.data.counterpart ?? "" })}</Link> : <span>{t(`notify.kind.${n.kind}`, { who: n.data.counterpart ?? "" })}</span>}
                  {n.data.start && <span className="muted"> · {when(n.data.start)}{zones(n.data.start).differs ? ` (${dateTimeIn(n.data.start, FAIR_TIME_ZONE, i18n.language)} ${t("notify.hanoi")})` : ""}</span>}
                  <time className="muted" dateTime={n.createdAt}> · {when(n.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => void markRead()} disabled={!unread.length}>{t("notify.markRead")}</button>
        </div>
      )}
    </div>
  );
}
