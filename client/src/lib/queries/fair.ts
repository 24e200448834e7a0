import { queryOptions, useQuery } from "@tanstack/react-query";
import type { FairSummary, PlanTargets } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

export const fairQuery = queryOptions({ queryKey: keys.fair.current, queryFn: fetchJson<FairSummary>("/fairs/current"), staleTime: 60_000 });

/** The current fair (GET /fairs/current), read once for every page that shows it. */
export const useFairSummary = () => useQuery(fairQuery);

/**
 * The fair's time zone (the fair summary's `timeZone`), undefined until the summary is read: times
 * are shown in the viewer's zone meanwhile, and the fair's beside them once known.
 */
export const useFairTimeZone = (): string | undefined => useQuery({ ...fairQuery, select: (fair) => fair.timeZone }).data;

export const useFairTargets = () => useQuery({ queryKey: keys.fair.targets, queryFn: fetchJson<PlanTargets>("/fairs/current/targets") });

/** A fair's set-up for its organisers, once its slug is known. */
export const useFairSetup = <T>(slug: string | undefined) =>
  useQuery({ queryKey: keys.fair.setup(slug ?? ""), queryFn: fetchJson<T>(`/fairs/${slug}/setup`), enabled: !!slug });
