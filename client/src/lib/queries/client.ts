import { onlineManager, QueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { ApiError } from "../api";
import { onEventChosen } from "../eventInContext";

/** A refusal (4xx) is the answer: asking again changes nothing. A 5xx or a network failure is tried twice more. */
const retry = (failures: number, error: Error) => !(error instanceof ApiError && error.status < 500) && failures < 2;

/**
 * The one cache of api data. Data is shown from the cache and read again when a page that shows it
 * mounts; writes invalidate the keys they change (see ./keys.ts), realtime events too.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// TanStack Query assumes a network at start and then follows the online/offline events: an app
// started offline (at the venue) would try every query and show its failure instead of waiting.
if (typeof navigator !== "undefined") onlineManager.setOnline(navigator.onLine);

// The api words some of what it sends for the reader (firms' names, match reasons): a new language reads it all again.
i18next.on("languageChanged", () => void queryClient.invalidateQueries());
// Another event chosen: every page's data is that event's.
onEventChosen(() => void queryClient.invalidateQueries());
