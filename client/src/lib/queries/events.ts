import { useQuery } from "@tanstack/react-query";
import type { EventRegistrationRow, EventSummary } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** The programme's events, ahead first then past (GET /fairs), with the signed-in firm's registrations. */
export const useEvents = () => useQuery({ queryKey: keys.events.all, queryFn: fetchJson<{ data: EventSummary[] }>("/fairs") });

/** The firms registered for an event (organisers). */
export const useEventRegistrations = (slug: string) =>
  useQuery({ queryKey: keys.events.registrations(slug), queryFn: fetchJson<{ data: EventRegistrationRow[] }>(`/fairs/${slug}/registrations`) });
