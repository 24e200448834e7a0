import { useQuery } from "@tanstack/react-query";
import type { ProgrammeProgress } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** A year's targets, the progress across its events and each event (GET /programme/:year/progress, organisers). */
export const useProgrammeProgress = (year: number) =>
  useQuery({ queryKey: keys.programmeYear(year), queryFn: fetchJson<ProgrammeProgress>(`/programme/${year}/progress`) });
