import { notFound } from "../../errors";
import type { LeadChanges } from "../../repositories/leadRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { CommandContext } from "../context";
import { collectingFirm, lookupsFor } from "./collectingFirm";

/** The user's firm's leads, latest scan first, with whom they name (the list and the exports). */
export async function listFirmLeads(ctx: CommandContext, user: UserRecord) {
  const firm = await collectingFirm(ctx, user);
  const leads = await ctx.repos.leads.listActive(firm.id);
  return { firm, leads, lookups: await lookupsFor(ctx, leads, [user]) };
}

/** The firm's staff change a lead's note, rating or tags (404 for another firm's lead or a withdrawn one). */
export async function editLead(ctx: CommandContext, user: UserRecord, id: string, changes: LeadChanges) {
  const firm = await collectingFirm(ctx, user);
  const lead = await ctx.repos.leads.edit(firm.id, id, changes, ctx.now());
  if (!lead) throw notFound();
  return { lead, lookups: await lookupsFor(ctx, [lead], [user]) };
}
