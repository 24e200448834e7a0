import { rooms, type BoothChatMessage, type BoothQueueView } from "@ketnoi/contracts";
import { AppError, notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { BoothChatRecord, BoothQueueRecord } from "../../repositories/boothRepository";
import { boothAccess, canModerateBooth, requireStaff } from "./access";
import type { LiveContext } from "./context";

const presentChat = (m: BoothChatRecord): BoothChatMessage => ({
  id: m.id,
  companyId: m.companyId,
  userId: m.userId,
  name: m.name,
  text: m.text,
  createdAt: m.createdAt.toISOString(),
});

/** Booth chat history, newest first; `before` (a message id) pages back. Anyone who may visit the booth reads it. */
export async function boothChatHistory(ctx: LiveContext, user: UserRecord, companyId: string, limit: number, before?: string) {
  await boothAccess(ctx, user, companyId);
  return (await ctx.meetings.repos.booths.listChat(companyId, limit, before)).map(presentChat);
}

/** Says something in the booth: stored, then delivered to everyone in its room. (Rate-limited per user at the route.) */
export async function postBoothChat(ctx: LiveContext, user: UserRecord, companyId: string, text: string) {
  await boothAccess(ctx, user, companyId);
  const message = presentChat(await ctx.meetings.repos.booths.addChat({ companyId, userId: user.id, name: user.name, text }));
  ctx.events.publish(rooms.booth(companyId), "booth:chat", message);
  return message;
}

/** The booth's staff and organisers delete any message; its author their own. */
export async function deleteBoothChat(ctx: LiveContext, user: UserRecord, companyId: string, id: string) {
  const access = await boothAccess(ctx, user, companyId);
  const message = await ctx.meetings.repos.booths.findChat(id);
  if (!message || message.companyId !== companyId) throw notFound();
  if (!canModerateBooth(access) && message.userId !== user.id) throw new AppError("forbidden");
  await ctx.meetings.repos.booths.deleteChat(id);
  ctx.events.publish(rooms.booth(companyId), "booth:chat:deleted", { companyId, id });
}

/**
 * The instant a queue is about to be read, for ordering views (a view stamped later saw at least as
 * much): the wall clock, not the api's business clock (fixed in tests), with a sub-ms fraction so two
 * processes' reads in one millisecond rarely tie.
 */
const readStamp = () => Date.now() + (performance.now() % 1);

function viewFor(companyId: string, userId: string, waiting: BoothQueueRecord[], own: BoothQueueRecord | null, asOf: number): BoothQueueView {
  const index = waiting.findIndex((w) => w.userId === userId);
  return { companyId, position: index >= 0 ? index + 1 : null, admitted: Boolean(own?.admittedAt), asOf };
}

const staffView = (companyId: string, waiting: BoothQueueRecord[], asOf: number): BoothQueueView => ({
  companyId,
  position: null,
  admitted: false,
  waiting: waiting.map((w, i) => ({ userId: w.userId, name: w.name, position: i + 1, askedAt: w.askedAt.toISOString() })),
  asOf,
});

/** Staff see everyone waiting, in order; a visitor their place (and whether they were admitted). */
export async function boothQueue(ctx: LiveContext, user: UserRecord, companyId: string): Promise<BoothQueueView> {
  const access = await boothAccess(ctx, user, companyId);
  const { booths } = ctx.meetings.repos;
  const asOf = readStamp();
  const waiting = await booths.waiting(companyId);
  if (canModerateBooth(access)) return staffView(companyId, waiting, asOf);
  return viewFor(companyId, user.id, waiting, await booths.findEntry(companyId, user.id), asOf);
}

/** After any change to the queue: staff get the list, each waiting visitor their place (on every realtime node). */
async function announceQueue(ctx: LiveContext, companyId: string, alsoTell: BoothQueueRecord[] = []) {
  const { booths, users } = ctx.meetings.repos;
  const asOf = readStamp();
  const waiting = await booths.waiting(companyId);
  const staff = (await users.listByCompany(companyId)).map((u) => rooms.user(u.id));
  ctx.events.publish(staff, "booth:queue", staffView(companyId, waiting, asOf));
  for (const w of waiting) ctx.events.publish(rooms.user(w.userId), "booth:queue", viewFor(companyId, w.userId, waiting, w, asOf));
  for (const t of alsoTell) ctx.events.publish(rooms.user(t.userId), "booth:queue", viewFor(companyId, t.userId, waiting, t, asOf));
}

/** A visitor asks to talk to the booth's staff. */
export async function joinBoothQueue(ctx: LiveContext, user: UserRecord, companyId: string): Promise<BoothQueueView> {
  const access = await boothAccess(ctx, user, companyId);
  if (access !== "visitor") throw new AppError("conflict", { queue: "ownBooth" });
  await ctx.meetings.repos.booths.enqueue(companyId, user.id, user.name, ctx.meetings.now());
  await announceQueue(ctx, companyId);
  return boothQueue(ctx, user, companyId);
}

export async function leaveBoothQueue(ctx: LiveContext, user: UserRecord, companyId: string) {
  await boothAccess(ctx, user, companyId);
  await ctx.meetings.repos.booths.leaveQueue(companyId, user.id);
  await announceQueue(ctx, companyId);
}

/** Staff admit the visitor who has waited longest; they may then publish in the booth's video room. */
export async function admitNextVisitor(ctx: LiveContext, user: UserRecord, companyId: string) {
  requireStaff(await boothAccess(ctx, user, companyId));
  const admitted = await ctx.meetings.repos.booths.admitNext(companyId, user.id, ctx.meetings.now());
  if (!admitted) throw new AppError("conflict", { queue: "queueEmpty" });
  await announceQueue(ctx, companyId, [admitted]);
  return { userId: admitted.userId, name: admitted.name };
}
