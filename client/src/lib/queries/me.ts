import { useQuery } from "@tanstack/react-query";
import type { RecommendationView } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

export const useRecommendations = () =>
  useQuery({ queryKey: keys.recommendations, queryFn: fetchJson<RecommendationView[]>("/recommendations?k=10") });

export const useMyData = <T>() => useQuery({ queryKey: keys.me.data, queryFn: fetchJson<T>("/me/data") });
