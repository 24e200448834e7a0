import { useQuery } from "@tanstack/react-query";
import type { EventRegistrationRow, EventSummary, FairSummary } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** The programme's events, ahead first then past (GET /fairs), with the signed-in firm's registrations. */
export const useEvents = () => useQuery({ queryKey: keys.events.all, queryFn: fetchJson<{ data: EventSummary[] }>("/fairs") });

/** The firms registered for an event (organisers). */
export const useEventRegistrations = (slug: string) =>
  useQuery({ queryKey: keys.events.registrations(slug), queryFn: fetchJson<{ data: EventRegistrationRow[] }>(`/fairs/${slug}/registrations`) });

/** One event's public summary (GET /fairs/:slug): its page names it even before the events list knows it (a copy just made). */
export const useEventBySlug = (slug: string) =>
  useQuery({ queryKey: keys.fair.bySlug(slug), queryFn: fetchJson<FairSummary>(`/fairs/${slug}`), enabled: slug !== "" });
