import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { OpenDataDictionary, OpenDataStatisticsView } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** The public statistics (GET /open-data/statistics): the same for everyone, read again after a few minutes. */
export const useOpenDataStatistics = () =>
  useQuery({ queryKey: keys.openData.statistics, queryFn: fetchJson<OpenDataStatisticsView>("/open-data/statistics"), staleTime: 5 * 60_000 });

/** The data dictionary in the reader's language (the api words it by Accept-Language). */
export function useOpenDataDictionary() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: keys.openData.dictionary(i18n.language),
    queryFn: fetchJson<OpenDataDictionary>("/open-data/dictionary.json"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
