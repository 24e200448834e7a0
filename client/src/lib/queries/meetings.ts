import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeetingView, SlotView } from "@ketnoi/contracts";
import { send } from "../api";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** My meetings (a firm's, an interpreter's assignments, every meeting for an organiser). */
export const useMeetings = () => useQuery({ queryKey: keys.meetings.list, queryFn: fetchJson<MeetingView[]>("/meetings") });

/** One meeting; `enabled` false waits (an id that cannot be one is not asked for). */
export const useMeeting = (id: string, enabled = true) =>
  useQuery({ queryKey: keys.meetings.one(id), queryFn: fetchJson<MeetingView>(`/meetings/${id}`), enabled });

/** The slots my company and another both have free. */
export const useCommonSlots = (withCompany: string) =>
  useQuery({ queryKey: keys.meetings.slots(withCompany), queryFn: fetchJson<SlotView[]>(`/meetings/slots?with=${withCompany}`) });

/**
 * A write that changes meetings (request, answer, move, cancel, outcome, check-in, accepting a
 * proposal): afterwards every meeting list, meeting and free-slot list is read again. A meeting
 * the api returns is stored at once. (Proposals are not read again: an accepted one stays on screen
 * with its "request sent" notice.)
 */
export function useMeetingWrite<Body, Result = MeetingView>(write: (body: Body) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      const m = result as Partial<MeetingView> | undefined;
      if (m && typeof m.id === "string" && typeof m.status === "string") client.setQueryData(keys.meetings.one(m.id), m as MeetingView);
      void client.invalidateQueries({ queryKey: keys.meetings.all });
    },
  });
}

/** POST /meetings/:id/<action> (accept, decline, counter, cancel, reschedule, no-show, outcome, check-in). */
export const meetingAction = (id: string, action: string) => (body: unknown) => send<MeetingView>("POST", `/meetings/${id}/${action}`, body);

/** Reads the free slots with a company again (a refused booking or move: the chosen slot went meanwhile). */
export function useCommonSlotsRefresh() {
  const client = useQueryClient();
  return (withCompany: string) => void client.invalidateQueries({ queryKey: keys.meetings.slots(withCompany) });
}
