import { useCallback, useEffect, useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { MEETING_WINDOW_OPENS_MINUTES, isObjectId, type MeetingLiveEvent, type MeetingView, type VideoTokenView } from "@ketnoi/contracts";
import { openLiveSocket } from "../../lib/liveApi";
import { getJson, send, sessionSettled } from "../../lib/api";
import { SlotTime } from "../../components/SlotTime";
import { useUser } from "../../lib/session";
import { otherParty } from "../../lib/meetings";
import { useVideoRoom } from "./useVideoRoom";
import { PreJoin, RoomStage } from "./RoomStage";
import { usePageTitle } from "../../lib/usePageTitle";
import { useMeeting } from "../../lib/queries/meetings";

/** An online meeting's video room: pre-join check, then the call; live status from the realtime service. */
export default function MeetingRoom() {
  const { t } = useTranslation();
  usePageTitle(t("room.title"));
  const { id = "" } = useParams();
  // Join can be pressed before the session's CSRF token is back (the page opens from the device's copy of the session).
  const fetchToken = useCallback(async () => {
    await sessionSettled();
    return send<VideoTokenView>("POST", `/meetings/${id}/video-token`, {});
  }, [id]);
  const video = useVideoRoom(fetchToken);
  const [live, setLive] = useState<MeetingLiveEvent | null>(null);
  const meeting = useMeeting(id, isObjectId(id)).data;
  const user = useUser();

  useEffect(() => {
    if (!isObjectId(id)) return;
    // On every (re)connect, read the room's state: what changed while the connection was down.
    const catchUp = () => void getJson<MeetingLiveEvent>(`/meetings/${id}/live`).then(setLive, () => undefined);
    const socket = openLiveSocket([`meeting:${id}`], catchUp);
    socket.on("meeting:live", (e) => e.meetingId === id && setLive(e));
    return () => void socket.disconnect();
  }, [id]);

  const refused = video.phase === "failed" && video.error;
  return (
    <div className="meeting-room" data-testid="meeting-room">
      <h1>{meeting ? t("room.titleWith", { name: partnerOf(meeting, user?.companyId) }) : t("room.title")}</h1>
      {meeting && <MeetingTime meeting={meeting} />}
      {live && (
        <p className="muted" data-testid="meeting-state">
          {t(`room.state.${live.state}`)}
        </p>
      )}
      {(video.phase === "prejoin" || video.phase === "connecting") && (
        <PreJoin publish busy={video.phase === "connecting"} onJoin={(d) => void video.join(d)} />
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
      {video.phase === "left" && (
        <p role="status" data-testid="left">
          {t("room.left")}
        </p>
      )}
      {refused && (
        <p role="alert" data-testid="room-error">
          {t("room.failed")} {video.error}
        </p>
      )}
      {(video.phase === "left" || video.phase === "failed") && (
        <button type="button" onClick={() => void video.join({ publish: true })}>
          {t("room.rejoin")}
        </button>
      )}
    </div>
  );
}

/** Whom a party meets (the other side); an organiser or interpreter sees both sides. */
const partnerOf = (m: MeetingView, myCompany: string | undefined) =>
  myCompany === m.requester.companyId || myCompany === m.recipient.companyId
    ? otherParty(m, myCompany).name
    : `${m.requester.name} – ${m.recipient.name}`;

/**
 * Whom and when: both parties and the slot (the viewer's time, Hanoi's beside it when it differs),
 * and, before the meeting's window opens, that this is a test call (joining now records nothing:
 * the meeting stays booked).
 */
function MeetingTime({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (!meeting.slot) return null;
  const early = Date.now() < Date.parse(meeting.slot.start) - MEETING_WINDOW_OPENS_MINUTES * 60_000;
  return (
    <>
      <p className="room-when" data-testid="meeting-when">
        <span>
          {meeting.requester.name} · {meeting.recipient.name}
        </span>{" "}
        · <SlotTime start={meeting.slot.start} end={meeting.slot.end} />
      </p>
      {early && meeting.status === "booked" && (
        <p className="banner" role="status" data-testid="test-call">
          {t("room.testCall", { minutes: MEETING_WINDOW_OPENS_MINUTES })}
        </p>
      )}
    </>
  );
}
