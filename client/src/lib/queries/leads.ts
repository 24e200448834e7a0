import { queryOptions, useQuery } from "@tanstack/react-query";
import type { BadgeScanView, LeadView } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** My firm's leads, latest scan first. */
export const leadsQuery = queryOptions({ queryKey: keys.leads, queryFn: fetchJson<{ data: LeadView[] }>("/leads") });
export const useLeads = () => useQuery(leadsQuery);

/** The firms that scanned my badge and keep me as a lead. */
export const useBadgeScans = () => useQuery({ queryKey: keys.me.badgeScans, queryFn: fetchJson<{ data: BadgeScanView[] }>("/me/badge-scans") });
