import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { isObjectId, newerQueueView, type BoothChatMessage, type BoothPresence, type BoothQueueView, type VideoTokenView } from "@ketnoi/contracts";
import { getJson, send, sessionSettled } from "../../lib/api";
import { openLiveSocket } from "../../lib/liveApi";
import { useVideoRoom } from "./useVideoRoom";
import { PreJoin, RoomStage } from "./RoomStage";
import { BoothShowcase } from "./BoothShowcase";
import { usePageTitle } from "../../lib/usePageTitle";

/** A firm's virtual booth: who is here, the queue to talk to its staff, chat and the booth's video room. */
export default function Booth() {
  const { t } = useTranslation();
  usePageTitle(t("booth.title"));
  const { companyId = "" } = useParams();
  const base = `/booths/${companyId}`;
  const [presence, setPresence] = useState<BoothPresence | null>(null);
  const [queue, setQueue] = useState<BoothQueueView | null>(null);
  const [chat, setChat] = useState<BoothChatMessage[]>([]);
  const [text, setText] = useState("");
  // Join can be pressed before the session's CSRF token is back (the page opens from the device's copy of the session).
  const fetchToken = useCallback(async () => {
    await sessionSettled();
    return send<VideoTokenView>("POST", `${base}/video-token`, {});
  }, [base]);
  const video = useVideoRoom(fetchToken);
  const staff = Boolean(queue?.waiting);
  // Views of the queue from the socket and from reads can arrive out of order: the one read last is shown.
  const showQueue = useCallback((q: BoothQueueView) => setQueue((old) => newerQueueView(old, q)), []);

  useEffect(() => {
    if (!isObjectId(companyId)) return;
    // On every (re)connect: the queue and the latest chat, in case something was missed meanwhile.
    const refresh = () => {
      void getJson<BoothQueueView>(`${base}/queue`).then(showQueue);
      void getJson<BoothChatMessage[]>(`${base}/chat?limit=50`).then((m) => setChat(m.reverse()));
    };
    const socket = openLiveSocket([`booth:${companyId}`], refresh);
    socket.on("booth:presence", (p) => p.companyId === companyId && setPresence(p));
    socket.on("booth:queue", (q) => q.companyId === companyId && showQueue(q));
    socket.on("booth:chat", (m) => m.companyId === companyId && setChat((c) => (c.some((x) => x.id === m.id) ? c : [...c, m])));
    socket.on("booth:chat:deleted", (d) => setChat((c) => c.filter((x) => x.id !== d.id)));
    return () => void socket.disconnect();
  }, [companyId, base, showQueue]);

  const say = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const m = await send<BoothChatMessage>("POST", `${base}/chat`, { text });
    setChat((c) => (c.some((x) => x.id === m.id) ? c : [...c, m]));
    setText("");
  };
  const rejoinToPublish = async () => {
    await video.leave();
    await video.join({ publish: true });
  };

  return (
    <div className="booth" data-testid="booth">
      <h1>{t("booth.title")}</h1>
      <BoothShowcase companyId={companyId} />
      {presence && (
        <p className="muted" data-testid="presence">
          {t("booth.presence", { staff: presence.staff, visitors: presence.visitors })}
        </p>
      )}

      <section className="panel" aria-label={t("booth.queue")}>
        <h2>{t("booth.queue")}</h2>
        {staff ? (
          <>
            <ol data-testid="queue-list">
              {queue!.waiting!.map((w) => (
                <li key={w.userId}>{w.name}</li>
              ))}
            </ol>
            <button
              type="button"
              disabled={!queue!.waiting!.length}
              onClick={() => void send("POST", `${base}/queue/admit`, {}).then(() => getJson<BoothQueueView>(`${base}/queue`).then(showQueue))}
            >
              {t("booth.admit")}
            </button>
          </>
        ) : queue?.admitted ? (
          <>
            <p data-testid="admitted">{t("booth.admitted")}</p>
            {video.phase === "connected" && !video.canPublish && (
              <button type="button" onClick={() => void rejoinToPublish()}>
                {t("booth.joinWithCamera")}
              </button>
            )}
          </>
        ) : queue?.position ? (
          <>
            <p data-testid="position">{t("booth.position", { position: queue.position })}</p>
            <button
              type="button"
              onClick={() => void send("DELETE", `${base}/queue`).then(() => getJson<BoothQueueView>(`${base}/queue`).then(showQueue))}
            >
              {t("booth.leaveQueue")}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void send<BoothQueueView>("POST", `${base}/queue`, {}).then(showQueue)}>
            {t("booth.ask")}
          </button>
        )}
      </section>

      <section className="panel" aria-label={t("booth.video")}>
        {(video.phase === "prejoin" || video.phase === "connecting") && (
          <PreJoin publish={staff} busy={video.phase === "connecting"} onJoin={(d) => void video.join(d)} />
        )}
        {(video.phase === "connected" || video.phase === "reconnecting") && (
          <RoomStage
            room={video.room}
            phase={video.phase}
            canPublish={video.canPublish}
            onToggle={(s) => void video.toggle(s)}
            onLeave={() => void video.leave()}
          />
        )}
        {(video.phase === "left" || video.phase === "failed") && (
          <button type="button" onClick={() => void video.join({ publish: true })}>
            {t("room.rejoin")}
          </button>
        )}
      </section>

      <section className="panel chat" aria-label={t("booth.chat")}>
        <h2>{t("booth.chat")}</h2>
        <ul data-testid="chat">
          {chat.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong> {m.text}
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => void say(e)}>
          <input value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} aria-label={t("booth.message")} />
          <button type="submit">{t("booth.send")}</button>
        </form>
      </section>
    </div>
  );
}
