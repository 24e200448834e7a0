import { badgeCodeFrom, type LeadRefusal, type LeadScan } from "@ketnoi/contracts";
import { decideScan } from "../../domain/leads";
import type { LeadChanges, LeadRecord, LeadScanWrite } from "../../repositories/leadRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { CommandContext } from "../context";
import { collectingFirm, lookupsFor, type LeadLookups } from "./collectingFirm";

export type ScanOutcome =
  | { scanId: string; status: "recorded" | "updated"; lead: LeadRecord }
  | { scanId: string; status: "refused"; reason: LeadRefusal };

const changesOf = (scan: LeadScan): LeadChanges => ({
  ...(scan.note !== undefined ? { note: scan.note } : {}),
  ...(scan.rating !== undefined ? { rating: scan.rating } : {}),
  ...(scan.tags !== undefined ? { tags: scan.tags } : {}),
});

/**
 * A device's queued scans (and edits, which name the scan they edit), answered one by one in the
 * order sent: recorded (a new lead), updated (the firm's lead on that visitor already stood), or
 * refused with its reason. A scan is the visitor's consent to share their contact with the firm.
 */
export async function syncLeads(
  ctx: CommandContext,
  user: UserRecord,
  scans: LeadScan[],
): Promise<{ outcomes: ScanOutcome[]; lookups: LeadLookups }> {
  const firm = await collectingFirm(ctx, user);
  const visitors = new Map<string, UserRecord | null>();
  const visitorOf = async (code: string) => {
    if (!visitors.has(code)) {
      const id = await ctx.repos.badges.userFor(code);
      visitors.set(code, id ? await ctx.repos.users.findById(id) : null);
    }
    return visitors.get(code) ?? null;
  };
  const outcomes: ScanOutcome[] = [];
  for (const scan of scans) {
    const code = badgeCodeFrom(scan.badge);
    const visitor = code ? await visitorOf(code) : null;
    if (!code || !visitor) {
      outcomes.push({ scanId: scan.scanId, status: "refused", reason: "leadUnknownBadge" });
      continue;
    }
    const write: LeadScanWrite = { companyId: firm.id, visitorId: visitor.id, badge: code, scannedBy: user.id, scannedAt: new Date(scan.scannedAt) };
    outcomes.push({ scanId: scan.scanId, ...(await applyScan(ctx, write, changesOf(scan), visitor.companyId)) });
  }
  const leads = outcomes.flatMap((o) => (o.status === "refused" ? [] : [o.lead]));
  return { outcomes, lookups: await lookupsFor(ctx, leads, [user, ...[...visitors.values()].flatMap((v) => v ?? [])]) };
}

type Applied = { status: "recorded" | "updated"; lead: LeadRecord } | { status: "refused"; reason: LeadRefusal };

/**
 * One scan against the stored lead. Writes are conditional on what was read (a lead not withdrawn, a
 * tombstone unchanged, a pair not yet recorded); when another request changed it in between, the
 * scan is decided again on what is there now (once more at most: the unique index settles creation).
 */
async function applyScan(ctx: CommandContext, scan: LeadScanWrite, changes: LeadChanges, visitorCompanyId: string | undefined): Promise<Applied> {
  for (let attempt = 0; ; attempt++) {
    const existing = await ctx.repos.leads.findPair(scan.companyId, scan.visitorId);
    const decision = decideScan({ scannedAt: scan.scannedAt, now: ctx.now(), firmId: scan.companyId, visitorCompanyId, existing });
    if (decision.kind === "refuse") return { status: "refused", reason: decision.reason };
    const at = ctx.now();
    const lead =
      decision.kind === "create"
        ? await ctx.repos.leads.create(scan, changes, at)
        : decision.kind === "rescan"
          ? await ctx.repos.leads.rescan(existing!.id, scan, changes, at)
          : await ctx.repos.leads.revive(existing!, scan, changes, at);
    if (lead) return { status: decision.kind === "rescan" ? "updated" : "recorded", lead };
    if (attempt >= 2) throw new Error(`lead ${scan.companyId}/${scan.visitorId} kept changing while a scan was applied`);
  }
}
