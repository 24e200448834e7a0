import { useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { MEETING_OUTCOMES, MeetingOutcomeBodySchema, type MeetingView } from "@ketnoi/contracts";
import { send, errorText } from "../lib/api";
import { useLoad } from "../lib/useLoad";
import { useForm } from "../lib/validation";
import { otherParty } from "../lib/meetings";
import { countryName, languageName } from "../lib/labels";
import { RequireRole } from "../components/RequireRole";
import { Async, Notice } from "../components/States";
import { Field } from "../components/Field";
import { SlotTime } from "../components/SlotTime";

/** After the meeting: what came of it for my company (quotation, samples, NDA, MoU...). */
function OutcomeForm({ m, mine, onSaved }: { m: MeetingView; mine: string; onSaved: (m: MeetingView) => void }) {
  const { t } = useTranslation();
  const form = useForm<{ outcome: string; note: string }>(MeetingOutcomeBodySchema, { outcome: m.outcomes[mine] ?? "follow_up", note: "" });
  const [saved, setSaved] = useState(false);
  const submit = form.submit(async (body) => {
    setSaved(false);
    onSaved(await send<MeetingView>("POST", `/meetings/${m.id}/outcome`, body));
    setSaved(true);
  });
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="outcome-title" noValidate>
      <h2 id="outcome-title">{t("meetingPage.outcome")}</h2>
      <Field label={t("meetingPage.outcomeLabel")} error={form.error("outcome")}>
        {(p) => (
          <select {...p} value={form.values.outcome} onChange={(e) => form.set("outcome", e.target.value)}>
            {MEETING_OUTCOMES.map((o) => <option key={o} value={o}>{t(`meeting.outcome.${o}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("inbox.note")} error={form.error("note")}>
        {(p) => <textarea {...p} rows={2} value={form.values.note} onChange={(e) => form.set("note", e.target.value)} />}
      </Field>
      {form.failure && <Notice kind="error">{form.failure}</Notice>}
      {saved && <Notice kind="ok">{t("meetingPage.outcomeSaved")}</Notice>}
      <button type="submit">{t("meetingPage.saveOutcome")}</button>
    </form>
  );
}

function MeetingBody({ initial, mine }: { initial: MeetingView; mine: string }) {
  const { t, i18n } = useTranslation();
  const [m, setM] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const other = otherParty(m, mine);
  const act = async (path: string, body: unknown) => {
    setFailure(null);
    try {
      setM(await send<MeetingView>("POST", `/meetings/${m.id}/${path}`, body));
    } catch (e) {
      setFailure(errorText(e));
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="meeting-title">
        <h1 id="meeting-title">{t("meetingPage.title", { name: other.name })}</h1>
        <dl className="facts-list">
          <div><dt>{t("meetingPage.status")}</dt><dd><span className={`status status-${m.status}`}>{t(`meeting.status.${m.status}`)}</span></dd></div>
          {m.slot && <div><dt>{t("meetingPage.when")}</dt><dd><SlotTime start={m.slot.start} end={m.slot.end} /></dd></div>}
          {m.mode && <div><dt>{t("meetingPage.where")}</dt><dd>{m.mode === "onsite" ? t("agenda.table", { n: m.table ?? "?" }) : <Link to={`/meetings/${m.id}/room`}>{t("agenda.joinOnline")}</Link>}</dd></div>}
          <div><dt>{t("meetingPage.with")}</dt><dd><Link to={`/companies/${other.companyId}`}>{other.name}</Link> ({countryName(other.country, i18n.language)}, {other.timeZone})</dd></div>
          {m.interpreter && <div><dt>{t("meetingPage.interpreter")}</dt><dd>{m.interpreter.name} ({m.interpreter.languages.map((x) => languageName(x, i18n.language)).join(", ")})</dd></div>}
        </dl>
        {m.message && <blockquote>{m.message}</blockquote>}
        {m.status === "booked" && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void act("cancel", { note: "" })}>{t("meetingPage.cancel")}</button>
            <button type="button" className="secondary" onClick={() => void act("no-show", { absent: other.companyId })}>{t("meetingPage.noShow")}</button>
          </div>
        )}
        {failure && <Notice kind="error">{failure}</Notice>}
      </section>
      {m.status === "booked" && m.mode === "onsite" && (
        <section className="panel qr" aria-labelledby="qr-title">
          <h2 id="qr-title">{t("meetingPage.qr")}</h2>
          <p className="muted">{t("meetingPage.qrHint")}</p>
          <img src={`/api/meetings/${m.id}/check-in-code`} alt={t("meetingPage.qrAlt", { table: m.table ?? "" })} width={220} height={220} />
        </section>
      )}
      {(m.status === "booked" || m.status === "held") && <OutcomeForm m={m} mine={mine} onSaved={setM} />}
    </>
  );
}

export default function Meeting() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  return (
    <RequireRole roles={["domestic", "vendor", "organiser", "interpreter"]}>
      {(user) => <MeetingLoader id={id} mine={user.companyId ?? ""} notFound={t("meetingPage.notFound")} />}
    </RequireRole>
  );
}

function MeetingLoader({ id, mine, notFound }: { id: string; mine: string; notFound: string }) {
  const { result, reload } = useLoad<MeetingView>(`/meetings/${id}`);
  return <Async result={result} reload={reload} empty={notFound}>{(m) => <MeetingBody initial={m} mine={mine} />}</Async>;
}
