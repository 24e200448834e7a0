import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { MEETING_WINDOW_OPENS_MINUTES, MeetingCancelBodySchema, type MeetingView, type SessionUser } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import { send } from "../lib/api";
import { useCommonSlotsRefresh, useMeeting, useMeetingWrite } from "../lib/queries/meetings";
import { useFairTimeZone } from "../lib/queries/fair";
import { errorOf, schemaResolver, showApiErrors } from "../lib/forms";
import { checkInOpensAt, otherParty } from "../lib/meetings";
import { countryName, languageName } from "../lib/labels";
import { RequireRole } from "../components/RequireRole";
import { Async, Failure, Notice } from "../components/States";
import { Field } from "../components/Field";
import { SlotTime } from "../components/SlotTime";
import { SlotPicker } from "../components/SlotPicker";
import { CheckInQr } from "../components/CheckInQr";
import { OutcomeForm } from "../components/OutcomeForm";
import { timeIn, zoneName } from "../lib/time";
import { zones } from "../lib/slotTime";
import { useFairZoneLabel } from "../components/fairZone";
import { usePageTitle } from "../lib/usePageTitle";

type Change = "idle" | "move" | "cancel";

/**
 * What can be done to a booked meeting: move it to a slot both sides have free (a party; the
 * other side is told and calendars update), cancel it (a party or an organiser, after confirming,
 * with an optional note), and, once it has started, report the other side absent (an organiser:
 * either side).
 */
function BookedActions({ m, party, started }: { m: MeetingView; party: string | null; started: boolean }) {
  const { t } = useTranslation();
  const other = otherParty(m, party ?? undefined);
  const [open, setOpen] = useState<Change>("idle");
  const [slot, setSlot] = useState("");
  const [moved, setMoved] = useState(false);
  const cancel = useForm({ resolver: schemaResolver(MeetingCancelBodySchema), defaultValues: { note: "" }, mode: "onChange" });
  // A refused move re-reads the free slots (the chosen one went meanwhile).
  const refreshSlots = useCommonSlotsRefresh();
  const change = useMeetingWrite(({ path, body }: { path: "reschedule" | "cancel" | "no-show"; body: unknown }) =>
    send<MeetingView>("POST", `/meetings/${m.id}/${path}`, body),
  );
  const busy = change.isPending;
  const toggle = (next: Change) => {
    change.reset();
    setMoved(false);
    setOpen(open === next ? "idle" : next);
  };
  const act = (path: "reschedule" | "cancel" | "no-show", body: unknown) =>
    change.mutate(
      { path, body },
      {
        onSuccess: () => {
          setOpen("idle");
          setMoved(path === "reschedule");
        },
        onError: (err) => {
          if (path === "cancel") showApiErrors(cancel, err);
          if (path === "reschedule") refreshSlots(other.companyId);
        },
        onSettled: () => setSlot(""),
      },
    );
  return (
    <>
      <div className="actions">
        {party && (
          <button type="button" className="secondary" aria-expanded={open === "move"} onClick={() => toggle("move")}>
            {t("meetingPage.move")}
          </button>
        )}
        <button type="button" className="secondary" aria-expanded={open === "cancel"} onClick={() => toggle("cancel")}>
          {t("meetingPage.cancel")}
        </button>
        {started && party && (
          <button type="button" className="secondary" disabled={busy} onClick={() => act("no-show", { absent: other.companyId })}>
            {t("meetingPage.noShow")}
          </button>
        )}
        {/* An organiser at the desk may have either side missing. */}
        {started &&
          !party &&
          [m.requester, m.recipient].map((side) => (
            <button
              key={side.companyId}
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => act("no-show", { absent: side.companyId })}
            >
              {t("meetingPage.noShowOf", { name: side.name })}
            </button>
          ))}
      </div>
      {open === "move" && (
        <div className="subform">
          <p>{t("meetingPage.moveHint", { name: other.name })}</p>
          <SlotPicker withCompany={other.companyId} value={slot} onChange={setSlot} label={t("meetingPage.move")} />
          <button type="button" disabled={busy || !slot} onClick={() => act("reschedule", { slot })}>
            {t("meetingPage.confirmMove")}
          </button>
        </div>
      )}
      {open === "cancel" && (
        <div className="subform">
          <Field label={t("meetingPage.cancelNote")} error={errorOf(cancel, "note")}>
            {(p) => <textarea {...p} rows={2} {...cancel.register("note")} />}
          </Field>
          <button type="button" disabled={busy} onClick={cancel.handleSubmit((body) => act("cancel", body))}>
            {t("meetingPage.confirmCancel")}
          </button>
        </div>
      )}
      {moved && <Notice kind="ok">{t("meetingPage.moved")}</Notice>}
      <Failure error={change.error} />
    </>
  );
}

/** The meeting's own company of the viewer (null for an organiser or interpreter). */
const partyOf = (m: MeetingView, user: SessionUser) =>
  user.companyId && (m.requester.companyId === user.companyId || m.recipient.companyId === user.companyId) ? user.companyId : null;

function MeetingBody({ m, user }: { m: MeetingView; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const party = partyOf(m, user);
  const other = otherParty(m, party ?? undefined);
  usePageTitle(t("meetingPage.title", { name: other.name }));
  // The api takes outcomes and no-shows only once the meeting has started.
  const started = !!m.slot && Date.now() >= Date.parse(m.slot.start);
  const mayChange = m.status === "booked" && !!m.slot && (party !== null || user.role === "organiser");
  // What a firm shows at the table: first on a phone (the page lays it beside the facts on a wide screen).
  // Its parties and organisers have it (an interpreter does not record attendance).
  const showQr = m.status === "booked" && m.mode === "onsite" && (party !== null || user.role === "organiser");
  return (
    <div className={`meeting-page${showQr ? " with-qr" : ""}`}>
      <h1 id="meeting-title">{t("meetingPage.title", { name: other.name })}</h1>
      {showQr && <CheckInCode m={m} />}
      <section className="panel meeting-facts" aria-labelledby="meeting-title">
        <dl className="facts-list">
          <div>
            <dt>{t("meetingPage.status")}</dt>
            <dd>
              <span className={`status status-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
            </dd>
          </div>
          {m.slot && (
            <div>
              <dt>{t("meetingPage.when")}</dt>
              <dd>
                <SlotTime start={m.slot.start} end={m.slot.end} />
              </dd>
            </div>
          )}
          {m.mode && (
            <div>
              <dt>{t("meetingPage.where")}</dt>
              <dd>
                {m.mode === "onsite" ? t("agenda.table", { n: m.table ?? "?" }) : <Link to={`/meetings/${m.id}/room`}>{t("agenda.joinOnline")}</Link>}
              </dd>
            </div>
          )}
          <div>
            <dt>{t("meetingPage.with")}</dt>
            <dd>
              <Link to={`/companies/${other.companyId}`}>{other.name}</Link> ({countryName(other.country, i18n.language)},{" "}
              {zoneName(other.timeZone, i18n.language, m.slot ? new Date(m.slot.start) : undefined)})
            </dd>
          </div>
          {m.absent.length > 0 && (
            <div>
              <dt>{t("meetingPage.absent")}</dt>
              <dd>
                {[m.requester, m.recipient]
                  .filter((side) => m.absent.includes(side.companyId))
                  .map((side) => side.name)
                  .join(", ")}
              </dd>
            </div>
          )}
          {m.interpreter && (
            <div>
              <dt>{t("meetingPage.interpreter")}</dt>
              <dd>
                {m.interpreter.name} ({m.interpreter.languages.map((x) => languageName(x, i18n.language)).join(", ")})
              </dd>
            </div>
          )}
        </dl>
        {m.message && <blockquote>{m.message}</blockquote>}
        {m.note && (
          <p>
            <strong>{t("meetingPage.note")}:</strong> {m.note}
          </p>
        )}
        {m.cancelReason && <p>{t(`meeting.cancelReason.${m.cancelReason}`)}</p>}
        {mayChange && <BookedActions m={m} party={party} started={started} />}
      </section>
      {party && (m.status === "held" || (m.status === "booked" && started)) && (
        <OutcomeForm meetingId={m.id} titleId="outcome-title" {...(m.outcomes[party] ? { current: { outcome: m.outcomes[party] } } : {})} />
      )}
      {party && m.status === "booked" && !started && <p className="panel muted">{t("meetingPage.afterStart")}</p>}
    </div>
  );
}

/** The QR code scanned at the table, and, before check-in opens, when it does (the api refuses it until then). */
function CheckInCode({ m }: { m: MeetingView }) {
  const { t, i18n } = useTranslation();
  const opens = m.slot ? checkInOpensAt(m.slot.start) : null;
  const z = zones(opens ?? new Date().toISOString(), useFairTimeZone());
  const fairLabel = useFairZoneLabel(z.fair, opens ?? new Date().toISOString());
  const time = opens ? `${timeIn(opens, z.viewer, i18n.language)}${z.differs ? ` (${fairLabel} ${timeIn(opens, z.fair, i18n.language)})` : ""}` : "";
  return (
    <section className="panel qr" aria-labelledby="qr-title">
      <h2 id="qr-title">{t("meetingPage.qr")}</h2>
      <CheckInQr meetingId={m.id} alt={t("meetingPage.qrAlt", { table: m.table ?? "" })} />
      <p className="muted">{t("meetingPage.qrHint")}</p>
      {opens && Date.now() < Date.parse(opens) && (
        <p data-testid="check-in-opens">{t("meetingPage.checkInOpens", { time, minutes: MEETING_WINDOW_OPENS_MINUTES })}</p>
      )}
    </section>
  );
}

export default function Meeting() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  return (
    <RequireRole roles={["domestic", "vendor", "organiser", "interpreter"]}>
      {(user) => <MeetingLoader id={id} user={user} notFound={t("meetingPage.notFound")} />}
    </RequireRole>
  );
}

function MeetingLoader({ id, user, notFound }: { id: string; user: SessionUser; notFound: string }) {
  return (
    <Async query={useMeeting(id)} empty={notFound}>
      {(m) => <MeetingBody m={m} user={user} />}
    </Async>
  );
}
