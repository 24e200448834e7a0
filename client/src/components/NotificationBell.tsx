import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeetingNotificationKind } from "@ketnoi/contracts";
import { send } from "../lib/api";
import { openLiveSocket } from "../lib/liveApi";
import { dateTimeIn, zones } from "../lib/slotTime";
import { viewerTimeZone } from "../lib/time";
import { useFairTimeZone } from "../lib/queries/fair";
import { fetchJson } from "../lib/queries/fetch";
import { keys } from "../lib/queries/keys";
import { useFairZoneLabel } from "./fairZone";

interface Notification {
  id: string;
  kind: MeetingNotificationKind;
  meetingId?: string;
  data: { counterpart?: string; start?: string; table?: number };
  createdAt: string;
  read: boolean;
}

/**
 * The signed-in user's notifications: read from the api, then kept live by the realtime service.
 * The list is read on every (re)connect, the first included, so what arrived while the connection
 * was down shows up without reloading the page; a page load reads it once (not on mount and again on
 * connect). If the socket cannot connect at all, the list is read anyway. A notification is about a
 * meeting that changed: the meetings shown anywhere are read again.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const items =
    useQuery({ queryKey: keys.me.notifications, queryFn: fetchJson<Notification[]>("/me/notifications?limit=20"), enabled: connected }).data ?? [];
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    let read = false;
    const readNow = () => {
      if (read) void client.invalidateQueries({ queryKey: keys.me.notifications });
      read = true;
      setConnected(true);
    };
    const socket = openLiveSocket([], readNow);
    socket.on("connect_error", () => void (read || readNow()));
    socket.on("notification", (n) => {
      client.setQueryData<Notification[]>(keys.me.notifications, (list = []) =>
        [{ ...(n as Omit<Notification, "read">), read: false }, ...list.filter((x) => x.id !== n.id)].slice(0, 20),
      );
      void client.invalidateQueries({ queryKey: keys.meetings.all });
    });
    return () => void socket.disconnect();
  }, [client]);

  const unread = items.filter((n) => !n.read);
  const markRead = useMutation({
    mutationFn: (ids: string[]) => send("POST", "/me/notifications/read", { ids }),
    onSettled: () => client.setQueryData<Notification[]>(keys.me.notifications, (list = []) => list.map((n) => ({ ...n, read: true }))),
  });
  const when = (iso: string) => dateTimeIn(iso, viewerTimeZone(), i18n.language);
  const fairZone = useFairTimeZone();

  return (
    <div className="notifications">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        {t("common.notify.title")}
        {unread.length > 0 && (
          <span className="badge">
            <span aria-hidden="true">{unread.length}</span>
            <span className="sr-only">{t("common.notify.unread", { count: unread.length })}</span>
          </span>
        )}
      </button>
      {open && (
        <section id="notification-panel" className="notification-panel" ref={panel} aria-label={t("common.notify.title")}>
          {items.length === 0 ? (
            <p className="muted">{t("common.notify.none")}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.read ? "read" : "unread"} data-testid="notification">
                  {n.meetingId ? (
                    <Link to={`/meetings/${n.meetingId}`}>{t(`common.notify.kind.${n.kind}`, { who: n.data.counterpart ?? "" })}</Link>
                  ) : (
                    <span>{t(`common.notify.kind.${n.kind}`, { who: n.data.counterpart ?? "" })}</span>
                  )}
                  {n.data.start && <FairTime start={n.data.start} fairZone={fairZone} when={when} />}
                  <time className="muted" dateTime={n.createdAt}>
                    {" "}
                    · {when(n.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => unread.length && markRead.mutate(unread.map((n) => n.id))} disabled={!unread.length}>
            {t("common.notify.markRead")}
          </button>
        </section>
      )}
    </div>
  );
}

/** A notified meeting's time in the viewer's zone, and in the fair's when that differs. */
function FairTime({ start, fairZone, when }: { start: string; fairZone: string | undefined; when: (iso: string) => string }) {
  const { i18n } = useTranslation();
  const z = zones(start, fairZone);
  const label = useFairZoneLabel(z.fair, start, "common.notify.hanoi");
  return (
    <span className="muted">
      {" "}
      · {when(start)}
      {z.differs ? ` (${dateTimeIn(start, z.fair, i18n.language)} ${label})` : ""}
    </span>
  );
}
