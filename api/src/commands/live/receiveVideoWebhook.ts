import type { Logger } from "pino";
import { AppError } from "../../errors";
import { handleVideoWebhook } from "./videoWebhook";
import type { LiveContext } from "./context";
import type { VideoWebhookEvent } from "../../services/livekit";

/**
 * A call to LiveKit's webhook: its signature is checked (the Authorization header is a JWT signed
 * with the API secret carrying the body's SHA-256) and only then is the event recorded. Unsigned or
 * tampered calls are unauthenticated and change nothing; without LiveKit the service is unavailable.
 */
export async function receiveVideoWebhook(ctx: LiveContext, body: string, authorization: string | undefined, logger: Logger) {
  if (!ctx.video) throw new AppError("service_unavailable");
  let event: VideoWebhookEvent;
  try {
    event = await ctx.video.receiveWebhook(body, authorization);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "livekit webhook refused");
    throw new AppError("unauthenticated");
  }
  await handleVideoWebhook(ctx, event);
}
