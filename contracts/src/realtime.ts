import { z } from "zod";

/** Events the realtime service sends to browsers, with their payloads. */
export const HallVisitorsSchema = z.object({ count: z.number().int().min(0) });
export type HallVisitors = z.infer<typeof HallVisitorsSchema>;

export interface ServerToClientEvents {
  "hall:visitors": (payload: HallVisitors) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- client events arrive with the realtime issue
export interface ClientToServerEvents {}

export const SOCKET_PATH = "/socket.io/";
