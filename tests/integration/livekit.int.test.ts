import { randomUUID } from "node:crypto";
import { createVideoRooms } from "../../api/src/services/livekit";
import { stack } from "../support/stack";

describe("LiveKit server (through the server SDK)", () => {
  test("a room created through the api's client is listed by the server", async () => {
    const rooms = createVideoRooms(stack.livekit());
    const name = `test-${randomUUID()}`;
    await rooms.ensureRoom(name, { maxParticipants: 4, emptyTimeoutSeconds: 60 });
    expect(await rooms.listRoomNames()).toContain(name);
  });

  test("a client with the wrong secret is refused", async () => {
    const rooms = createVideoRooms({ ...stack.livekit(), apiSecret: "x".repeat(40) });
    await expect(rooms.listRoomNames()).rejects.toThrow();
  });
});
