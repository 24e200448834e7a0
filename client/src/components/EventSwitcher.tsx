import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { EventSummary, SessionUser } from "@ketnoi/contracts";
import { useEvents } from "../lib/queries/events";
import { useFairSummary } from "../lib/queries/fair";
import { chooseEvent, chosenEvent } from "../lib/eventInContext";
import { localized } from "../lib/labels";

/** The events this person acts in now: a firm's approved registrations, an organiser's events; none past. */
function eventsToActIn(user: SessionUser, events: EventSummary[]): EventSummary[] {
  const ahead = events.filter((e) => e.when !== "past");
  if (user.role === "organiser") return ahead.filter((e) => e.organising !== false);
  if (user.companyId) return ahead.filter((e) => e.registration?.status === "approved");
  return [];
}

/**
 * Which event the pages show, for a firm taking part in several at once (the fair and an online week
 * on the same days) or an organiser of several: its directory, recommendations, slots, availability
 * and (for organisers) its scheduler. Shown only when there is a choice.
 */
export function EventSwitcher({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const events = useEvents().data?.data;
  const current = useFairSummary().data?.slug;
  const options = events ? eventsToActIn(user, events) : [];
  // A chosen event that is over, or no longer the firm's, is forgotten (the api's default applies
  // again), even when no choice is left to show.
  const chosen = chosenEvent();
  if (events && chosen && !options.some((e) => e.slug === chosen)) queueMicrotask(() => chooseEvent(null));
  if (options.length < 2 || !current) return null;
  // The label names the select alone (one wrapped round it would take in the chosen event's name too).
  return (
    <div className="lang event-switcher">
      <label htmlFor={id}>{t("events.inContext")}</label>
      <select id={id} value={current} onChange={(e) => chooseEvent(e.target.value)}>
        {options.map((e) => (
          <option key={e.slug} value={e.slug}>
            {localized(e.name, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
