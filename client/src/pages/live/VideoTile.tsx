import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type ConnectionQuality, Track, type Participant } from "livekit-client";

/** What a participant's token metadata says about them (set by the api). */
export function accessOf(p: Participant): string | undefined {
  try {
    return (JSON.parse(p.metadata || "{}") as { access?: string }).access;
  } catch {
    return undefined;
  }
}

const QUALITY_BARS: Record<ConnectionQuality, number> = { excellent: 3, good: 2, poor: 1, lost: 0, unknown: 0 };

/**
 * One participant: camera (or screen share), name, role label and connection quality. A camera that
 * is off (never published, or stopped: a muted track would be a black tile) shows who it is instead.
 */
export function VideoTile({ participant, local, source = Track.Source.Camera }: { participant: Participant; local: boolean; source?: Track.Source }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const publication = participant.getTrackPublication(source);
  const track = publication?.track;
  const showing = Boolean(track && !publication?.isMuted);
  const mic = participant.getTrackPublication(Track.Source.Microphone)?.track;
  useEffect(() => {
    if (!track || !showing || !video.current) return;
    track.attach(video.current);
    const el = video.current;
    return () => void track.detach(el);
  }, [track, showing]);
  useEffect(() => {
    if (local || !mic || !audio.current) return;
    mic.attach(audio.current);
    const el = audio.current;
    return () => void mic.detach(el);
  }, [mic, local]);
  const access = accessOf(participant);
  const bars = QUALITY_BARS[participant.connectionQuality];
  const name = participant.name || participant.identity;
  return (
    <figure className="video-tile" data-identity={participant.identity} data-local={local} data-source={source}>
      {showing ? (
        <video ref={video} autoPlay playsInline muted={local} data-testid={local ? "local-video" : "remote-video"} />
      ) : (
        <div className="video-off" data-testid="camera-off">
          <span className="avatar" aria-hidden="true">
            {name.trim().charAt(0).toUpperCase()}
          </span>
          <strong>{name}</strong>
          <span>{t("room.cameraOff")}</span>
        </div>
      )}
      {!local && (
        // biome-ignore lint/a11y/useMediaCaption: the partner's live voice in a video call; a live call has no captions track to offer
        <audio ref={audio} autoPlay />
      )}
      <figcaption>
        <span>
          {name}
          {local ? ` (${t("room.you")})` : ""}
        </span>
        {access === "interpreter" && (
          <span className="badge" data-testid="interpreter-label">
            {t("room.interpreter")}
          </span>
        )}
        {access === "organiser" && <span className="badge">{t("room.organiser")}</span>}
        {source === Track.Source.ScreenShare && <span className="badge">{t("room.screen")}</span>}
        <span className="quality" title={t("room.quality")} data-quality={participant.connectionQuality}>
          <span aria-hidden="true">
            {"▮".repeat(bars)}
            {"▯".repeat(3 - bars)}
          </span>
          <span className="sr-only">{`${t("room.quality")}: ${bars}/3`}</span>
        </span>
      </figcaption>
    </figure>
  );
}
