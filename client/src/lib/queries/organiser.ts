import { useQuery } from "@tanstack/react-query";
import type { InterpreterView, PlanSlotOptions, SchedulePlanSummary, SchedulePlanView } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

export const useInterpreters = () => useQuery({ queryKey: keys.interpreters, queryFn: fetchJson<{ data: InterpreterView[] }>("/interpreters") });

export const usePlans = () => useQuery({ queryKey: keys.scheduler.plans, queryFn: fetchJson<SchedulePlanSummary[]>("/scheduler/plans") });

export const usePlan = (id: string) =>
  useQuery({ queryKey: keys.scheduler.plan(id), queryFn: fetchJson<SchedulePlanView>(`/scheduler/plans/${id}`) });

/** The slots one meeting of a draft plan could move to, each with why not when it cannot. */
export const useMoveOptions = (planId: string, meeting: string) =>
  useQuery({
    queryKey: keys.scheduler.moveOptions(planId, meeting),
    queryFn: fetchJson<PlanSlotOptions>(`/scheduler/plans/${planId}/meetings/${encodeURIComponent(meeting)}/slots`),
  });

export type StuckMailItem = {
  id: string;
  to: string;
  subject: string;
  queuedAt: string;
  attempts: number;
  state: "waiting" | "given_up";
  lastError?: string;
};
export const useStuckMail = () => useQuery({ queryKey: keys.stuckMail, queryFn: fetchJson<StuckMailItem[]>("/mail/stuck") });
