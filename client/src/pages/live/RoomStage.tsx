import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Track, type Room } from "livekit-client";
import { VideoTile } from "./VideoTile";
import { useDevicePreview, type RoomPhase } from "./useVideoRoom";
import { browserCanShareScreen } from "./screenShare";

/** The participants' tiles (screen shares first: vendors present catalogues) and the controls. */
export function RoomStage({
  room,
  phase,
  canPublish,
  onToggle,
  onLeave,
}: {
  room: Room;
  phase: RoomPhase;
  canPublish: boolean;
  onToggle: (s: "camera" | "microphone" | "screen") => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const lp = room.localParticipant;
  const remotes = [...room.remoteParticipants.values()];
  const screens = [lp, ...remotes].filter((p) => p.getTrackPublication(Track.Source.ScreenShare)?.track);
  const [shareable] = useState(browserCanShareScreen);
  return (
    <section className="room-stage" aria-label={t("room.stage")} data-phase={phase}>
      {phase === "reconnecting" && (
        <p className="banner" role="status">
          {t("room.reconnecting")}
        </p>
      )}
      <div className="video-grid">
        {screens.map((p) => (
          <VideoTile key={`${p.identity}-screen`} participant={p} local={p === lp} source={Track.Source.ScreenShare} />
        ))}
        {canPublish && <VideoTile participant={lp} local />}
        {remotes.map((p) => (
          <VideoTile key={p.identity} participant={p} local={false} />
        ))}
      </div>
      {remotes.length === 0 && <p className="muted">{t("room.waiting")}</p>}
      {/* The device toggles look alike; leaving is set apart (red, at the end) so it is not hit by mistake. */}
      <div className="controls" role="toolbar" aria-label={t("room.controls")}>
        {canPublish && (
          <>
            <button type="button" className="secondary" aria-pressed={lp.isMicrophoneEnabled} onClick={() => onToggle("microphone")}>
              {lp.isMicrophoneEnabled ? t("room.micOff") : t("room.micOn")}
            </button>
            <button type="button" className="secondary" aria-pressed={lp.isCameraEnabled} onClick={() => onToggle("camera")}>
              {lp.isCameraEnabled ? t("room.cameraStop") : t("room.cameraStart")}
            </button>
            {/* Phones cannot share a screen: not offered where the browser cannot, or on a touch device. */}
            {shareable && (
              <button type="button" className="secondary" aria-pressed={lp.isScreenShareEnabled} onClick={() => onToggle("screen")}>
                {lp.isScreenShareEnabled ? t("room.shareStop") : t("room.shareStart")}
              </button>
            )}
          </>
        )}
        <button type="button" className="danger leave" onClick={onLeave}>
          <span aria-hidden="true">✕ </span>
          {t("room.leave")}
        </button>
      </div>
    </section>
  );
}

/** Pre-join: choose and check the camera and microphone before entering. */
export function PreJoin({
  onJoin,
  publish,
  busy,
}: {
  onJoin: (d: { audio?: string; video?: string; publish: boolean }) => void;
  publish: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { devices, chosen, setChosen, video, ready, problem } = useDevicePreview(publish);
  const el = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!video || !el.current) return;
    video.attach(el.current);
    const v = el.current;
    return () => void video.detach(v);
  }, [video]);
  return (
    <section className="prejoin panel" aria-label={t("room.prejoin")}>
      {publish && (
        <>
          <video ref={el} autoPlay playsInline muted className="preview" data-testid="preview-video" />
          {problem && <p role="alert">{t("room.deviceProblem")}</p>}
          <label>
            {t("room.camera")}
            <select value={chosen.video ?? ""} onChange={(e) => setChosen({ ...chosen, video: e.target.value })}>
              {devices.video.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || d.deviceId}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("room.microphone")}
            <select value={chosen.audio ?? ""} onChange={(e) => setChosen({ ...chosen, audio: e.target.value })}>
              {devices.audio.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || d.deviceId}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <button type="button" disabled={busy || (publish && !ready && !problem)} onClick={() => onJoin({ ...chosen, publish: publish && ready })}>
        {t("room.join")}
      </button>
    </section>
  );
}
