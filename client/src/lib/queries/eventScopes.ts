import { useQuery } from "@tanstack/react-query";
import type { OrganiserScope } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** Every organiser and the events they organise (GET /users/organisers: organisers of the whole programme; 403 for a scoped one). */
export const useOrganiserScopes = () =>
  useQuery({ queryKey: keys.events.organisers, queryFn: fetchJson<{ data: OrganiserScope[] }>("/users/organisers") });
