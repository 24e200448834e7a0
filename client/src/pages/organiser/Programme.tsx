import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { DateTime } from "luxon";
import { useForm, type FieldPath } from "react-hook-form";
import { z } from "zod";
import { FAIR_SESSION_KINDS, FairSessionBodySchema, LOCALES, type FairSessionView, type FairSummary, type LocalizedText } from "@ketnoi/contracts";
import { send } from "../../lib/api";
import { useFairSummary } from "../../lib/queries/fair";
import { keys } from "../../lib/queries/keys";
import { useWrite } from "../../lib/queries/write";
import { asNumber, errorOf, schemaResolver, useSubmit } from "../../lib/forms";
import { formatNumber, languageName, localized } from "../../lib/labels";
import { fairDate, localDay, timeIn, zoneName } from "../../lib/time";
import { RequireRole } from "../../components/RequireRole";
import { Field } from "../../components/Field";
import { Async, Empty, Notice } from "../../components/States";
import { EditDeleteActions } from "../../components/EditDeleteActions";
import { usePageTitle } from "../../lib/usePageTitle";

/** A local day and time in the fair's zone as an ISO instant with its offset ("" while incomplete). */
const instant = (day: string, time: string, zone: string) =>
  day && time ? (DateTime.fromISO(`${day}T${time}`, { zone }).toISO({ suppressMilliseconds: true }) ?? "") : "";
/** The languages a text was given in (a box left blank is no translation). */
const given = (text: LocalizedText): LocalizedText => Object.fromEntries(Object.entries(text).filter(([, value]) => value?.trim()));
/** One speaker a line (or separated by commas). */
const speakerLines = (text: string) =>
  text
    .split(/\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);

const text = z.partialRecord(z.enum(LOCALES), z.string());
/**
 * What the form holds (a title and a room per language, the day and times in the fair's zone, speakers
 * as lines), then the contract's body: the instants with their offset, the languages given. The first
 * part takes anything typed; every rule is the contract's, and its messages name the body's fields.
 */
export function sessionFormSchema(zone: string) {
  return z
    .object({
      kind: FairSessionBodySchema.shape.kind,
      title: text,
      room: text,
      day: z.string(),
      start: z.string(),
      end: z.string(),
      speakers: z.string(),
      capacity: z.number().optional(),
    })
    .transform((v): Omit<z.input<typeof FairSessionBodySchema>, "capacity"> & { capacity: number | undefined } => ({
      kind: v.kind,
      title: given(v.title),
      startsAt: instant(v.day, v.start, zone),
      endsAt: instant(v.day, v.end, zone),
      room: given(v.room),
      speakers: speakerLines(v.speakers),
      capacity: v.capacity,
    }))
    .pipe(FairSessionBodySchema);
}
type Values = z.input<ReturnType<typeof sessionFormSchema>>;

const blank = (fair: FairSummary): Values => ({
  kind: "seminar",
  title: {},
  day: fair.days[0] ?? "",
  start: "09:00",
  end: "10:00",
  room: {},
  speakers: "",
  capacity: 50,
});
const fromSession = (s: FairSessionView, zone: string): Values => ({
  kind: s.kind,
  title: s.title,
  day: localDay(s.startsAt, zone) ?? "",
  start: DateTime.fromISO(s.startsAt).setZone(zone).toFormat("HH:mm"),
  end: DateTime.fromISO(s.endsAt).setZone(zone).toFormat("HH:mm"),
  room: s.room,
  speakers: s.speakers.join("\n"),
  capacity: s.capacity,
});

/** Adds a session, or changes one (`session` given); the same contracts schema the api checks. */
export function SessionForm({ fair, session, onDone }: { fair: FairSummary; session?: FairSessionView; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const zone = fair.timeZone;
  const resolver = useMemo(() => schemaResolver(sessionFormSchema(zone)), [zone]);
  const form = useForm({ resolver, defaultValues: session ? fromSession(session, zone) : blank(fair), mode: "onChange" });
  const error = (path: string) => errorOf(form, path);
  // A change checks again the body's field it makes: a language's box its text as a whole ("at least one
  // language"), the day and times the instants (body paths the contract names, not the form's own fields).
  const whole = (name: "title" | "room") => ({ deps: [name] });
  const when = { deps: ["startsAt", "endsAt"] as unknown as FieldPath<Values>[] };
  // A speaker too long is named by its line (speakers.3): the first such message shows on the one box.
  const speakersError =
    error("speakers") ??
    speakerLines(form.watch("speakers"))
      .map((_, i) => error(`speakers.${i}`))
      .find(Boolean);
  // The programme is part of the fair's summary: a change reads the fair again.
  const save = useWrite(
    (body: z.output<typeof FairSessionBodySchema>) =>
      session ? send("PATCH", `/fair-sessions/${session.id}`, body) : send("POST", "/fair-sessions", body),
    [keys.fair.all],
  );
  const submit = useSubmit(form, async (body) => {
    await save.mutateAsync(body);
    onDone(t(session ? "programme.updated" : "programme.added"));
  });
  const titleId = session ? `edit-${session.id}` : "add-session";
  return (
    <form className="panel" onSubmit={submit.onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{session ? t("programme.editTitle", { title: localized(session.title, i18n.language) }) : t("programme.add")}</h2>
      <div className="row">
        <Field label={t("programme.kind")} error={error("kind")}>
          {(p) => (
            <select {...p} {...form.register("kind")}>
              {FAIR_SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`session.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("programme.capacity")} error={error("capacity")}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={10000} {...form.register("capacity", asNumber)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t("programme.titleLegend")}</legend>
        <p className="muted">{t("programme.titleHint")}</p>
        {error("title") && (
          <p className="field-error" role="alert">
            {error("title")}
          </p>
        )}
        <div className="row">
          {LOCALES.map((l) => (
            <Field key={l} label={t("programme.titleIn", { language: languageName(l, i18n.language) })} error={error(`title.${l}`)}>
              {(p) => <input {...p} lang={l} {...form.register(`title.${l}`, whole("title"))} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("programme.room")}</legend>
        <p className="muted">{t("programme.titleHint")}</p>
        {error("room") && (
          <p className="field-error" role="alert">
            {error("room")}
          </p>
        )}
        <div className="row">
          {LOCALES.map((l) => (
            <Field key={l} label={t("programme.roomIn", { language: languageName(l, i18n.language) })} error={error(`room.${l}`)}>
              {(p) => <input {...p} lang={l} {...form.register(`room.${l}`, whole("room"))} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("programme.when", { zone: zoneName(zone, i18n.language) })}</legend>
        <div className="row">
          <Field label={t("programme.day")} error={error("startsAt")}>
            {(p) => (
              <select {...p} {...form.register("day", when)}>
                {fair.days.map((d) => (
                  <option key={d} value={d}>
                    {fairDate(d, i18n.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("programme.start")}>{(p) => <input {...p} type="time" {...form.register("start", when)} />}</Field>
          <Field label={t("programme.end")} error={error("endsAt")}>
            {(p) => <input {...p} type="time" {...form.register("end", when)} />}
          </Field>
        </div>
      </fieldset>
      <Field label={t("programme.speakers")} hint={t("programme.speakersHint")} error={speakersError}>
        {(p) => <textarea {...p} rows={2} {...form.register("speakers")} />}
      </Field>
      {submit.failure && <Notice kind="error">{submit.failure}</Notice>}
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t("state.working") : t(session ? "programme.save" : "programme.create")}
        </button>
        {session && (
          <button type="button" className="secondary" onClick={() => onDone("")}>
            {t("common.programme.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function SessionItem({
  fair,
  session,
  onEdit,
  onChanged,
}: {
  fair: FairSummary;
  session: FairSessionView;
  onEdit: () => void;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const title = localized(session.title, i18n.language);
  const day = localDay(session.startsAt, fair.timeZone);
  return (
    <li className="card" aria-label={title}>
      <h3 className="h3">{title}</h3>
      <p className="meta">
        <span className={`tag tag-${session.kind}`}>{t(`session.kind.${session.kind}`)}</span>
        {day && <span>{fairDate(day, i18n.language)}</span>}
        <span>
          {timeIn(session.startsAt, fair.timeZone, i18n.language)}–{timeIn(session.endsAt, fair.timeZone, i18n.language)}
        </span>
        <span>{localized(session.room, i18n.language)}</span>
        <span>{t("programme.seats", { count: session.capacity, n: formatNumber(session.capacity, i18n.language) })}</span>
      </p>
      {session.speakers.length > 0 && <p className="muted">{session.speakers.join(", ")}</p>}
      <EditDeleteActions
        path={`/fair-sessions/${session.id}`}
        stale={[keys.fair.all]}
        onEdit={onEdit}
        onDeleted={() => onChanged(t("programme.deleted", { title }))}
      />
    </li>
  );
}

/** The fair's programme: seminars, presentations, ceremonies and matchmaking rounds (organisers). */
export default function Programme() {
  const { t } = useTranslation();
  usePageTitle(t("programme.title"));
  const fair = useFairSummary();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text || null);
  };
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <p>
            <Link to="/organiser">{t("common.nav.console")}</Link>
          </p>
          <h1>{t("programme.title")}</h1>
          <div aria-live="polite">{message && <Notice kind="ok">{message}</Notice>}</div>
          <Async query={fair} empty={t("setup.noFair")}>
            {(fair) => {
              const sessions = [...fair.programme].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
              const current = sessions.find((s) => s.id === editing);
              return (
                <>
                  {current ? (
                    <SessionForm key={current.id} fair={fair} session={current} onDone={done} />
                  ) : (
                    <SessionForm key={`new-${fair.programme.length}`} fair={fair} onDone={done} />
                  )}
                  <section aria-labelledby="sessions-title">
                    <h2 id="sessions-title">{t("programme.sessions")}</h2>
                    {sessions.length === 0 ? (
                      <Empty>{t("programme.empty")}</Empty>
                    ) : (
                      <ul className="list grid">
                        {sessions.map((s) => (
                          <SessionItem
                            key={s.id}
                            fair={fair}
                            session={s}
                            onChanged={done}
                            onEdit={() => {
                              setMessage(null);
                              setEditing(s.id);
                              window.scrollTo({ top: 0 });
                            }}
                          />
                        ))}
                      </ul>
                    )}
                  </section>
                </>
              );
            }}
          </Async>
        </>
      )}
    </RequireRole>
  );
}
