import { hashKey, onlineManager, QueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { ApiError } from "../api";
import { chosenEvent } from "../eventInContext";

/** A refusal (4xx) is the answer: asking again changes nothing. A 5xx or a network failure is tried twice more. */
const retry = (failures: number, error: Error) => !(error instanceof ApiError && error.status < 500) && failures < 2;

/**
 * The one cache of api data. Data is shown from the cache and read again when a page that shows it
 * mounts; writes invalidate the keys they change (see ./keys.ts), realtime events too.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry,
      refetchOnWindowFocus: false,
      // Every answer is the chosen event's (the api reads it from each request): each event's data is
      // kept apart, so choosing another event never shows the last one's, not even from the device's
      // copy restored at start (saved a second late, it may predate the choice).
      queryKeyHashFn: (key) => hashKey([chosenEvent(), ...key]),
    },
    mutations: { retry: false },
  },
});

// TanStack Query assumes a network at start and then follows the online/offline events: an app
// started offline (at the venue) would try every query and show its failure instead of waiting.
if (typeof navigator !== "undefined") onlineManager.setOnline(navigator.onLine);

// The api words some of what it sends for the reader (firms' names, match reasons): a new language reads it all again.
i18next.on("languageChanged", () => void queryClient.invalidateQueries());
