import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";

const require_ = createRequire(__filename);
/** livekit-client's browser build (the same library the client app bundles), loaded into a blank page. */
const LIVEKIT_CLIENT_UMD = require_.resolve("livekit-client"); // its "require" entry is the UMD build

/**
 * A video participant in a real Chromium page: livekit-client connects with the api's token, publishes
 * a moving picture (a canvas stream, so no camera is involved) and counts the video frames it decodes
 * from the others. Without the app's UI: this checks the video servers, not the screens.
 */
export async function joinVideo(browser: Browser, serverUrl: string, token: string) {
  const page = await browser.newPage();
  await page.addScriptTag({ path: LIVEKIT_CLIENT_UMD });
  await page.evaluate(
    async ({ serverUrl, token }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the UMD build's global, typed nowhere in this page
      const { Room, RoomEvent, Track } = (window as any).LivekitClient;
      const room = new Room({ adaptiveStream: false, dynacast: false });
      // biome-ignore lint/suspicious/noExplicitAny: state kept on the page for the test to read
      const w = window as any;
      w.room = room;
      w.states = [] as string[];
      room.on(RoomEvent.ConnectionStateChanged, (state: string) => w.states.push(state));
      await room.connect(serverUrl, token);
      const canvas = document.createElement("canvas");
      canvas.width = 320;
      canvas.height = 240;
      const paint = canvas.getContext("2d")!;
      let hue = 0;
      setInterval(() => {
        paint.fillStyle = `hsl(${(hue += 7) % 360} 80% 50%)`;
        paint.fillRect(0, 0, 320, 240);
      }, 50);
      const [track] = canvas.captureStream(20).getVideoTracks();
      await room.localParticipant.publishTrack(track, { name: "camera", source: Track.Source.Camera, simulcast: false });
    },
    { serverUrl, token },
  );
  return new VideoParticipant(page);
}

export class VideoParticipant {
  constructor(readonly page: Page) {}

  /** Video frames decoded so far from the other participants (every subscribed video track's receiver). */
  framesDecoded(): Promise<number> {
    return this.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's livekit-client Room
      const room = (window as any).room;
      let frames = 0;
      for (const participant of room.remoteParticipants.values())
        for (const publication of participant.videoTrackPublications.values()) {
          const receiver = publication.track?.receiver as RTCRtpReceiver | undefined;
          if (!receiver) continue;
          for (const report of (await receiver.getStats()).values()) if (report.type === "inbound-rtp") frames += report.framesDecoded ?? 0;
        }
      return frames;
    });
  }

  /** The identities of the others in the room, as this participant sees them. */
  others(): Promise<string[]> {
    // biome-ignore lint/suspicious/noExplicitAny: the page's livekit-client Room
    return this.page.evaluate(() => [...(window as any).room.remoteParticipants.keys()] as string[]);
  }

  /** The room's connection states so far (connecting, connected, reconnecting, ...). */
  states(): Promise<string[]> {
    // biome-ignore lint/suspicious/noExplicitAny: state kept on the page
    return this.page.evaluate(() => (window as any).states as string[]);
  }
}
