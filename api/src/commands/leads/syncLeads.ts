import { setTimeout as sleep } from "node:timers/promises";
import { badgeCodeFrom, type LeadRefusal, type LeadScan } from "@ketnoi/contracts";
import { decideScan } from "../../domain/leads";
import { AppError } from "../../errors";
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

/** How long a scan waits for another device's write to the same lead before the sync is asked to retry. */
const LEAD_WAIT_MS = 5000;
const LEAD_POLL_MS = 20;

/**
 * One scan against the stored lead. A first scan is settled by the unique index on the pair. A lead
 * already standing is written by one request at a time (a claim on the pair in the reservations): the
 * database's conditional updates, `$max` included, are read-modify-write on FerretDB, so two devices'
 * rescans at once could otherwise leave the earlier scan time (seen in CI). A claim left by a process
 * that died goes with the orphan sweep.
 */
async function applyScan(ctx: CommandContext, scan: LeadScanWrite, changes: LeadChanges, visitorCompanyId: string | undefined): Promise<Applied> {
  const found = await ctx.repos.leads.findPair(scan.companyId, scan.visitorId);
  const first = found ? null : await decideAndWrite(ctx, found, scan, changes, visitorCompanyId);
  if (first) return first;
  const key = `lead:${scan.companyId}:${scan.visitorId}`;
  const holder = ctx.repos.meetings.newId(); // a fresh id, as a scheduler run's claim has
  for (let waited = 0; !(await ctx.repos.reservations.claimNew(key, holder)); waited += LEAD_POLL_MS) {
    if (waited >= LEAD_WAIT_MS) throw new AppError("service_unavailable", undefined, 2);
    await sleep(LEAD_POLL_MS);
  }
  try {
    const existing = await ctx.repos.leads.findPair(scan.companyId, scan.visitorId);
    const applied = await decideAndWrite(ctx, existing, scan, changes, visitorCompanyId);
    if (!applied) throw new Error(`lead ${scan.companyId}/${scan.visitorId} changed while its claim was held`);
    return applied;
  } finally {
    await ctx.repos.reservations.release([key], holder);
  }
}

/** Decides the scan on the lead as read and writes it; null when the write found the lead changed (a pair created meanwhile). */
async function decideAndWrite(
  ctx: CommandContext,
  existing: LeadRecord | null,
  scan: LeadScanWrite,
  changes: LeadChanges,
  visitorCompanyId: string | undefined,
): Promise<Applied | null> {
  const decision = decideScan({ scannedAt: scan.scannedAt, now: ctx.now(), firmId: scan.companyId, visitorCompanyId, existing });
  if (decision.kind === "refuse") return { status: "refused", reason: decision.reason };
  const at = ctx.now();
  const lead =
    decision.kind === "create"
      ? await ctx.repos.leads.create(scan, changes, at)
      : decision.kind === "rescan"
        ? await ctx.repos.leads.rescan(existing!.id, scan, changes, at)
        : await ctx.repos.leads.revive(existing!, scan, changes, at);
  return lead ? { status: decision.kind === "rescan" ? "updated" : "recorded", lead } : null;
}
