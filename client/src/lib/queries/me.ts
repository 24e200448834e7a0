import { useQuery } from "@tanstack/react-query";
import type { BadgeView, RecommendationView } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

export const useRecommendations = () =>
  useQuery({ queryKey: keys.recommendations, queryFn: fetchJson<RecommendationView[]>("/recommendations?k=10") });

export const useMyData = <T>() => useQuery({ queryKey: keys.me.data, queryFn: fetchJson<T>("/me/data") });

/** My badge (made on first use): what its QR code holds. */
export const useMyBadge = () => useQuery({ queryKey: keys.me.badge, queryFn: fetchJson<BadgeView>("/me/badge") });
