import { useTranslation } from "react-i18next";
import type { PlanChanges as Changes } from "@ketnoi/contracts";
import { formatNumber } from "../../../lib/labels";
import { SlotTime } from "../../../components/SlotTime";

type Place = Changes["moved"][number]["from"];

/** A meeting's place: time, table or video, interpreter. */
function PlaceText({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <>
      <SlotTime start={place.start} end={place.end} /> ·{" "}
      {place.mode === "onsite" ? t("agenda.table", { n: place.table ?? "?" }) : t("common.meeting.modePref.online")}
      {place.interpreter ? ` · ${t("scheduler.interpreter")}: ${place.interpreter.name}` : ""}
    </>
  );
}

function Group({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const { i18n } = useTranslation();
  if (!count) return null;
  return (
    <details className="reason-group">
      <summary>
        <strong>{title}</strong> ({formatNumber(count, i18n.language)})
      </summary>
      <ul className="list compact">{children}</ul>
    </details>
  );
}

/**
 * A re-plan's preview: what publishing it changes in the booked meetings (moved, another
 * interpreter, cancelled) and the meetings it newly places, each with where it was and where it
 * goes, and how many firms and interpreters will be told. Nothing is changed before publishing.
 */
export function PlanChanges({ changes }: { changes: Changes }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const nothing = !changes.moved.length && !changes.reassigned.length && !changes.cancelled.length && !changes.placed.length;
  const changed = (c: Changes["moved"][number]) => (
    <li key={c.meeting}>
      {c.a.name} ↔ {c.b.name}: {t("scheduler.changes.was")} <PlaceText place={c.from} /> → {t("scheduler.changes.now")} <PlaceText place={c.to} />
    </li>
  );
  return (
    <section className="panel" aria-labelledby="changes-title">
      <h2 id="changes-title">{t("scheduler.changes.title")}</h2>
      {nothing ? (
        <p>{t("scheduler.changes.none")}</p>
      ) : (
        <p role="status">
          {t("scheduler.changes.summary", {
            moved: n(changes.moved.length),
            reassigned: n(changes.reassigned.length),
            cancelled: n(changes.cancelled.length),
            placed: n(changes.placed.length),
            kept: n(changes.kept),
            told: n(changes.peopleTold),
          })}
        </p>
      )}
      <Group title={t("scheduler.changes.moved")} count={changes.moved.length}>
        {changes.moved.map(changed)}
      </Group>
      <Group title={t("scheduler.changes.reassigned")} count={changes.reassigned.length}>
        {changes.reassigned.map(changed)}
      </Group>
      <Group title={t("scheduler.changes.cancelled")} count={changes.cancelled.length}>
        {changes.cancelled.map((c) => (
          <li key={c.meeting}>
            {c.a.name} ↔ {c.b.name}: <PlaceText place={c.from} />
          </li>
        ))}
      </Group>
      <Group title={t("scheduler.changes.placed")} count={changes.placed.length}>
        {changes.placed.map((c) => (
          <li key={c.meeting}>
            {c.a.name} ↔ {c.b.name} <span className="tag">{t(`scheduler.kind.${c.kind}`)}</span>: <PlaceText place={c.to} />
          </li>
        ))}
      </Group>
    </section>
  );
}
