import { useEffect } from "react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeetingCheckInLink, MeetingView, SlotView } from "@ketnoi/contracts";
import { send } from "../api";
import { upcomingAtTable } from "../meetings";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** My meetings (a firm's, an interpreter's assignments, every meeting for an organiser). */
export const useMeetings = () => useQuery({ queryKey: keys.meetings.list, queryFn: fetchJson<MeetingView[]>("/meetings") });

/**
 * One meeting; `enabled` false waits (an id that cannot be one is not asked for). A meeting not read
 * yet starts as the list has it (as old as the list), then is read: a meeting opened for the first
 * time offline, after the agenda was read online, still shows, and stays shown if reading it fails.
 */
export function useMeeting(id: string, enabled = true) {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.meetings.one(id),
    queryFn: fetchJson<MeetingView>(`/meetings/${id}`),
    enabled,
    initialData: () => client.getQueryData<MeetingView[]>(keys.meetings.list)?.find((m) => m.id === id),
    initialDataUpdatedAt: () => client.getQueryState(keys.meetings.list)?.dataUpdatedAt,
  });
}

/** The address a meeting's QR code holds: it never changes for a meeting, so it is read at most once an hour. */
export const checkInLinkQuery = (id: string) =>
  queryOptions({
    queryKey: keys.meetings.checkInLink(id),
    queryFn: fetchJson<MeetingCheckInLink>(`/meetings/${id}/check-in-link`),
    staleTime: 3_600_000,
  });

export const useCheckInLink = (id: string) => useQuery(checkInLinkQuery(id));

/** Reads the QR addresses of my onsite meetings still to come ahead, so each one's code shows at its table with no network. */
export function usePrefetchCheckInLinks(meetings: MeetingView[] | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    for (const m of upcomingAtTable(meetings ?? [])) void client.prefetchQuery(checkInLinkQuery(m.id));
  }, [client, meetings]);
}

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
