import type { LeadRefusal } from "@ketnoi/contracts";

/** How far ahead of the api's clock a device's scan time may be (phones' clocks drift; a scan from the future is a wrong clock). */
export const SCAN_CLOCK_SKEW_MS = 5 * 60_000;

export type ScanDecision = { kind: "refuse"; reason: LeadRefusal } | { kind: "create" } | { kind: "rescan" } | { kind: "revive" };

/**
 * What one scan of a visitor's badge by a firm does. A firm does not collect its own staff; a scan
 * time ahead of the clock is refused; a visitor's withdrawal stands against every scan made before it
 * (a device that queued one offline cannot bring the lead back), and a scan made after it is a new
 * consent. Otherwise a first scan makes the lead and a later one updates it.
 */
export function decideScan(input: {
  scannedAt: Date;
  now: Date;
  firmId: string;
  visitorCompanyId: string | undefined;
  existing: { withdrawnAt?: Date } | null;
}): ScanDecision {
  const { scannedAt, now, firmId, visitorCompanyId, existing } = input;
  if (visitorCompanyId === firmId) return { kind: "refuse", reason: "leadOwnFirm" };
  if (scannedAt.getTime() > now.getTime() + SCAN_CLOCK_SKEW_MS) return { kind: "refuse", reason: "leadFutureScan" };
  if (!existing) return { kind: "create" };
  if (!existing.withdrawnAt) return { kind: "rescan" };
  return scannedAt > existing.withdrawnAt ? { kind: "revive" } : { kind: "refuse", reason: "leadWithdrawn" };
}
