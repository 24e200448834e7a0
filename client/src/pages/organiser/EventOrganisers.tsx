import { useTranslation } from "react-i18next";
import type { EventScopes, EventSummary, OrganiserScope } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { localized } from "../../lib/labels";
import { keys } from "../../lib/queries/keys";
import { useOrganiserScopes } from "../../lib/queries/eventScopes";
import { useWrite } from "../../lib/queries/write";
import { Failure } from "../../components/States";

/** One organiser: the events they organise and what this event's page may change (never an empty list: that would be every event). */
function OrganiserItem({ slug, organiser, events }: { slug: string; organiser: OrganiserScope; events: EventSummary[] }) {
  const { t, i18n } = useTranslation();
  const set = useWrite((scopes: EventScopes) => send("PUT", `/users/${organiser.id}/event-scopes`, { events: scopes }), [keys.events.all]);
  const name = (s: string) => {
    const e = events.find((x) => x.slug === s);
    return e ? localized(e.name, i18n.language) : s;
  };
  const id = `organiser-${organiser.id}`;
  const scoped = organiser.events !== "all" ? organiser.events : null;
  const button = (label: string, scopes: EventScopes) => (
    <button type="button" aria-describedby={id} disabled={set.isPending} onClick={() => set.mutate(scopes)}>
      {label}
    </button>
  );
  return (
    <li>
      <strong id={id}>{organiser.name}</strong> <span className="muted">{organiser.email}</span>
      <br />
      {scoped ? t("events.organisers.some", { events: scoped.map(name).join("; ") }) : t("events.organisers.all")}{" "}
      {!scoped && button(t("events.organisers.limit"), [slug])}
      {scoped && !scoped.includes(slug) && button(t("events.organisers.add"), [...scoped, slug])}
      {scoped?.includes(slug) &&
        scoped.length > 1 &&
        button(
          t("events.organisers.remove"),
          scoped.filter((s) => s !== slug),
        )}
      {scoped && button(t("events.organisers.allEvents"), "all")}
      <Failure error={set.error} />
    </li>
  );
}

/**
 * Which other organisers organise this event (for organisers of the whole programme: a scoped organiser's
 * list is refused, and the section is left out). The caller's own events are not theirs to change.
 */
export function EventOrganisers({ slug, events, me }: { slug: string; events: EventSummary[]; me: string }) {
  const { t } = useTranslation();
  const organisers = useOrganiserScopes();
  if (!organisers.data) return null;
  const others = organisers.data.data.filter((o) => o.id !== me);
  return (
    <section className="panel" aria-labelledby="organisers-title">
      <h2 id="organisers-title">{t("events.organisers.title")}</h2>
      <p className="muted">{t("events.organisers.hint")}</p>
      {others.length === 0 ? (
        <p>{t("events.organisers.none")}</p>
      ) : (
        <ul className="list">
          {others.map((o) => (
            <OrganiserItem key={o.id} slug={slug} organiser={o} events={events} />
          ))}
        </ul>
      )}
    </section>
  );
}
