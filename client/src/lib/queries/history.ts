import { useQuery } from "@tanstack/react-query";
import type { FirmHistory } from "@ketnoi/contracts";
import { fetchJson } from "./fetch";
import { keys } from "./keys";

/** My firm's meetings and outcomes across every event of the programme, newest event first. */
export const useFirmHistory = () => useQuery({ queryKey: keys.meetings.history, queryFn: fetchJson<FirmHistory>("/me/history") });
