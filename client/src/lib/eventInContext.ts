/**
 * The event the pages act in, for someone taking part in several at once (a firm in the fair and in
 * an online week on the same days; an organiser of both). Every api request names it (the
 * X-Ketnoi-Event header); none chosen, the api takes the firm's own event or the fair running now.
 * Kept on the device so a reload stays in the same event; forgotten on sign-out.
 */
const STORAGE_KEY = "ketnoi.event";

const read = () => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

let chosen: string | null = typeof localStorage === "undefined" ? null : read();
const listeners = new Set<() => void>();

export const chosenEvent = () => chosen;

/** The header naming the chosen event, for every request to the api. */
export const eventHeader = (): Record<string, string> => (chosen ? { "X-Ketnoi-Event": chosen } : {});

/** Chooses the event (null: the api's default); pages then read that event's data (see the query client). */
export function chooseEvent(slug: string | null) {
  if (slug === chosen) return;
  chosen = slug;
  try {
    if (slug) localStorage.setItem(STORAGE_KEY, slug);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: chosen for this page's life only.
  }
  for (const listener of listeners) listener();
}

export function onEventChosen(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
