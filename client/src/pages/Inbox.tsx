import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { DECLINE_REASONS, MeetingCounterBodySchema, MeetingDeclineBodySchema, type MeetingView } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import { send } from "../lib/api";
import { useMeetings, useMeetingWrite } from "../lib/queries/meetings";
import { errorOf, schemaResolver, showApiErrors } from "../lib/forms";
import { answeringSide, isOpen, otherParty } from "../lib/meetings";
import { countryName } from "../lib/labels";
import { dateTimeIn } from "../lib/slotTime";
import { viewerTimeZone } from "../lib/time";
import { RequireRole } from "../components/RequireRole";
import { Async, Empty, Failure } from "../components/States";
import { Field } from "../components/Field";
import { SlotTime } from "../components/SlotTime";
import { SlotPicker } from "../components/SlotPicker";
import { usePageTitle } from "../lib/usePageTitle";

type Mode = "idle" | "accept" | "decline" | "counter";

/** One open request: who, what they wrote, and (on my turn) accept in a slot, decline with a reason, or counter-propose. */
function RequestItem({ m, mine }: { m: MeetingView; mine: string }) {
  const { t, i18n } = useTranslation();
  const other = otherParty(m, mine);
  const myTurn = answeringSide(m) === mine;
  const [mode, setMode] = useState<Mode>("idle");
  const [slot, setSlot] = useState("");
  const decline = useForm({
    resolver: schemaResolver(MeetingDeclineBodySchema),
    defaultValues: { reason: "not_relevant" as const, note: "" },
    mode: "onChange",
  });
  const counter = useForm({ resolver: schemaResolver(MeetingCounterBodySchema), defaultValues: { slot: "", message: "" }, mode: "onChange" });
  const counterSlot = counter.watch("slot");
  // Answered, the request leaves this list (the meetings are read again).
  const answer = useMeetingWrite(({ path, body }: { path: string; body: unknown }) => send<MeetingView>("POST", `/meetings/${m.id}/${path}`, body));
  const busy = answer.isPending;
  const act = (path: string, body: unknown) =>
    answer.mutate(
      { path, body },
      // The api's field messages go beside the fields; the summary is the mutation's error (Failure below).
      { onError: (err) => void (path === "decline" ? showApiErrors(decline, err) : path === "counter" ? showApiErrors(counter, err) : undefined) },
    );
  const titleId = `req-${m.id}`;
  return (
    <li className="card request" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link to={`/companies/${other.companyId}`}>{other.name}</Link> <small className="muted">{countryName(other.country, i18n.language)}</small>
      </h3>
      <p className="meta">
        <span className={`status status-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
        <span>{t(`common.meeting.modePref.${m.preferredMode}`)}</span>
        {m.dayPart !== "any" && <span>{t(`common.meeting.dayPartValue.${m.dayPart}`)}</span>}
        {m.expiresAt && <span>{t("inbox.expires", { when: dateTimeIn(m.expiresAt, viewerTimeZone(), i18n.language) })}</span>}
      </p>
      {m.proposal && (
        <p>
          {t("inbox.proposed")} <SlotTime start={m.proposal.slot.start} end={m.proposal.slot.end} />
          {m.note && (
            <>
              {" "}
              · <q>{m.note}</q>
            </>
          )}
        </p>
      )}
      {m.message && <blockquote>{m.message}</blockquote>}
      {myTurn ? (
        <div className="actions">
          <button type="button" aria-expanded={mode === "accept"} onClick={() => setMode(mode === "accept" ? "idle" : "accept")}>
            {t("inbox.accept")}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={mode === "counter"}
            onClick={() => setMode(mode === "counter" ? "idle" : "counter")}
          >
            {t("inbox.counter")}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={mode === "decline"}
            onClick={() => setMode(mode === "decline" ? "idle" : "decline")}
          >
            {t("inbox.decline")}
          </button>
        </div>
      ) : (
        <div className="actions">
          <span className="muted">{t("inbox.waiting")}</span>
          <button type="button" className="secondary" disabled={busy} onClick={() => act("cancel", { note: "" })}>
            {t("inbox.withdraw")}
          </button>
        </div>
      )}
      {mode === "accept" && (
        <div className="subform">
          {m.proposal ? (
            <p>{t("inbox.acceptProposal")}</p>
          ) : (
            <>
              <p>{t("inbox.chooseSlot")}</p>
              <SlotPicker withCompany={other.companyId} value={slot} onChange={setSlot} label={t("inbox.chooseSlot")} />
            </>
          )}
          <button type="button" disabled={busy || (!m.proposal && !slot)} onClick={() => act("accept", m.proposal ? {} : { slot })}>
            {t("inbox.confirmAccept")}
          </button>
        </div>
      )}
      {mode === "decline" && (
        <div className="subform">
          <Field label={t("inbox.reason")} error={errorOf(decline, "reason")}>
            {(p) => (
              <select {...p} {...decline.register("reason")}>
                {DECLINE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`meeting.declineReason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("inbox.note")} error={errorOf(decline, "note")}>
            {(p) => <textarea {...p} rows={2} {...decline.register("note")} />}
          </Field>
          <button type="button" disabled={busy} onClick={decline.handleSubmit((body) => act("decline", body))}>
            {t("inbox.confirmDecline")}
          </button>
        </div>
      )}
      {mode === "counter" && (
        <div className="subform">
          <p>{t("inbox.counterSlot")}</p>
          <SlotPicker
            withCompany={other.companyId}
            value={counterSlot}
            onChange={(s) => counter.setValue("slot", s, { shouldValidate: true })}
            label={t("inbox.counterSlot")}
          />
          {errorOf(counter, "slot") && (
            <small className="field-error" role="alert">
              {errorOf(counter, "slot")}
            </small>
          )}
          <Field label={t("common.meeting.message")} error={errorOf(counter, "message")}>
            {(p) => <textarea {...p} rows={2} {...counter.register("message")} />}
          </Field>
          <button type="button" disabled={busy} onClick={counter.handleSubmit((body) => act("counter", body))}>
            {t("inbox.confirmCounter")}
          </button>
        </div>
      )}
      <Failure error={answer.error} />
    </li>
  );
}

function InboxLists({ mine }: { mine: string }) {
  const { t } = useTranslation();
  return (
    <Async query={useMeetings()} empty={t("inbox.empty")}>
      {(all) => {
        const open = all.filter(isOpen);
        const toAnswer = open.filter((m) => answeringSide(m) === mine);
        const sent = open.filter((m) => answeringSide(m) !== mine);
        const closed = all.filter((m) => m.status === "declined" || m.status === "expired" || (m.status === "cancelled" && !m.slot)).slice(-10);
        return (
          <>
            <section aria-labelledby="to-answer">
              <h2 id="to-answer">
                {t("inbox.toAnswer")} <span className="count">{toAnswer.length}</span>
              </h2>
              {toAnswer.length ? (
                <ul className="list">
                  {toAnswer.map((m) => (
                    <RequestItem key={m.id} m={m} mine={mine} />
                  ))}
                </ul>
              ) : (
                <Empty>{t("inbox.nothingToAnswer")}</Empty>
              )}
            </section>
            <section aria-labelledby="sent">
              <h2 id="sent">
                {t("inbox.sent")} <span className="count">{sent.length}</span>
              </h2>
              {sent.length ? (
                <ul className="list">
                  {sent.map((m) => (
                    <RequestItem key={m.id} m={m} mine={mine} />
                  ))}
                </ul>
              ) : (
                <Empty>{t("inbox.nothingSent")}</Empty>
              )}
            </section>
            {closed.length > 0 && (
              <section aria-labelledby="closed">
                <h2 id="closed">{t("inbox.closed")}</h2>
                <ul className="list compact">
                  {closed.map((m) => (
                    <li key={m.id}>
                      {otherParty(m, mine).name} · {t(`meeting.status.${m.status}`)}
                      {m.declineReason && <> · {t(`meeting.declineReason.${m.declineReason}`)}</>}
                      {m.cancelReason && <> · {t(`meeting.cancelReason.${m.cancelReason}`)}</>}
                      {m.note && (
                        <>
                          {" "}
                          · <q>{m.note}</q>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        );
      }}
    </Async>
  );
}

export default function Inbox() {
  const { t } = useTranslation();
  usePageTitle(t("inbox.title"));
  return (
    <RequireRole roles={["domestic", "vendor"]}>
      {(user) => (
        <>
          <h1>{t("inbox.title")}</h1>
          <InboxLists mine={user.companyId ?? ""} />
        </>
      )}
    </RequireRole>
  );
}
