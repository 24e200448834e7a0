import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { Room, RoomEvent, Track, type LocalTrack, createLocalTracks } from "livekit-client";
import type { VideoTokenView } from "@ketnoi/contracts";

export type RoomPhase = "prejoin" | "connecting" | "connected" | "reconnecting" | "left" | "failed";

/**
 * One LiveKit Room for a page: created once, connected with a token the api mints after its policy
 * check, torn down on leave and unmount. LiveKit reconnects by itself; when the connection is lost
 * for good the page offers to join again (with a fresh token).
 */
export function useVideoRoom(fetchToken: () => Promise<VideoTokenView>) {
  const room = useRef<Room>(null as unknown as Room);
  if (!room.current) room.current = new Room({ adaptiveStream: true, dynacast: true, disconnectOnPageLeave: true });
  const [phase, setPhase] = useState<RoomPhase>("prejoin");
  const [canPublish, setCanPublish] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const r = room.current;
    const events = [
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.ParticipantMetadataChanged,
      RoomEvent.ActiveSpeakersChanged,
    ];
    for (const e of events) r.on(e, rerender);
    r.on(RoomEvent.Reconnecting, () => setPhase("reconnecting"));
    r.on(RoomEvent.Reconnected, () => setPhase("connected"));
    r.on(RoomEvent.Disconnected, () => setPhase((p) => (p === "left" ? p : "failed")));
    return () => {
      r.removeAllListeners();
      void r.disconnect();
    };
  }, []);

  const join = useCallback(
    async (devices: { audio?: string; video?: string; publish: boolean }) => {
      setError(null);
      setPhase("connecting");
      try {
        const view = await fetchToken();
        setCanPublish(view.canPublish);
        await room.current.connect(view.serverUrl, view.participantToken);
        setPhase("connected");
        if (view.canPublish && devices.publish) {
          await room.current.localParticipant.setCameraEnabled(true, devices.video ? { deviceId: devices.video } : undefined);
          await room.current.localParticipant.setMicrophoneEnabled(true, devices.audio ? { deviceId: devices.audio } : undefined);
        }
        rerender();
      } catch (err) {
        // The api's own words when it has them (video down: booking still works), in the reader's language.
        const fields = (err as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields;
        setError(fields?.video ?? (err as Error).message);
        setPhase("failed");
      }
    },
    [fetchToken],
  );

  const leave = useCallback(async () => {
    setPhase("left");
    await room.current.disconnect(true);
  }, []);

  const toggle = useCallback(async (source: "camera" | "microphone" | "screen") => {
    const lp = room.current.localParticipant;
    try {
      if (source === "camera") await lp.setCameraEnabled(!lp.isCameraEnabled);
      else if (source === "microphone") await lp.setMicrophoneEnabled(!lp.isMicrophoneEnabled);
      else await lp.setScreenShareEnabled(!lp.isScreenShareEnabled, { audio: false });
    } catch (err) {
      setError((err as Error).message);
    }
    rerender();
  }, []);

  return { room: room.current, phase, canPublish, error, join, leave, toggle };
}

/** Pre-join: preview of the chosen camera and a level check that the microphone works. */
export function useDevicePreview(enabled: boolean) {
  const [devices, setDevices] = useState<{ audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] }>({ audio: [], video: [] });
  const [chosen, setChosen] = useState<{ audio?: string; video?: string }>({});
  const [tracks, setTracks] = useState<LocalTrack[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let created: LocalTrack[] = [];
    createLocalTracks({ audio: chosen.audio ? { deviceId: chosen.audio } : true, video: chosen.video ? { deviceId: chosen.video } : true })
      .then(async (t) => {
        created = t;
        if (stopped) {
          for (const x of t) x.stop();
          return;
        }
        setTracks(t);
        setProblem(null);
        const all = await navigator.mediaDevices.enumerateDevices();
        setDevices({ audio: all.filter((d) => d.kind === "audioinput"), video: all.filter((d) => d.kind === "videoinput") });
      })
      .catch((err: Error) => setProblem(err.message));
    return () => {
      stopped = true;
      for (const x of created) x.stop();
    };
  }, [enabled, chosen.audio, chosen.video]);
  const video = tracks.find((t) => t.kind === Track.Kind.Video);
  return { devices, chosen, setChosen, video, ready: tracks.length > 0, problem };
}
