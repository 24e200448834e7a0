import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { OBJECT_ID_HEX, type MeetingView } from "@ketnoi/contracts";
import { RequireRole } from "../../components/RequireRole";
import { Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";
import { useScanner } from "../../lib/useQrScanner";
import { useCheckInQueue } from "./useCheckInQueue";
import type { Answered } from "./checkInSync";

const CHECK_IN_URL = new RegExp(`/check-in/(${OBJECT_ID_HEX})\\?(?:.*&)?code=([A-Za-z0-9_-]{16,64})`);
const CHECK_IN_PAIR = new RegExp(`^\\s*(${OBJECT_ID_HEX})\\s+([A-Za-z0-9_-]{16,64})\\s*$`);

/** A meeting's QR code holds `<origin>/check-in/<meeting id>?code=<code>`; accept that URL or "id code". */
export function parseCheckIn(text: string): { id: string; code: string } | null {
  const url = CHECK_IN_URL.exec(text);
  if (url) return { id: url[1]!, code: url[2]! };
  const pair = CHECK_IN_PAIR.exec(text);
  return pair ? { id: pair[1]!, code: pair[2]! } : null;
}

/** A meeting's parties and table, as the desk's answers name them. */
const who = (m: MeetingView | undefined) => ({ a: m?.requester.name ?? "", b: m?.recipient.name ?? "", table: m?.table ?? "" });

/**
 * The organisers' desk at the venue: every scan of a meeting's QR code (camera or typed) is kept on
 * this device first, with its time, and sent when the network allows (the hall's Wi-Fi fails under a
 * crowd); the api records each as of its scan time and answers each, shown here.
 */
export default function CheckInDesk() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("desk.title"));
  const clock = useMemo(() => new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", second: "2-digit" }), [i18n.language]);
  const time = (iso: string) => clock.format(new Date(iso));
  const desk = useCheckInQueue((answer) => {
    const reason = answer.message ?? answer.reason ?? "";
    return answer.meeting ? t("desk.refused", { ...who(answer.meeting), reason }) : reason;
  });
  const [manual, setManual] = useState("");
  const [manualError, setManualError] = useState<string | null>(null);
  const [misread, setMisread] = useState(false);
  const { add } = desk;
  const scan = useCallback(
    (text: string) => {
      const parsed = parseCheckIn(text);
      setMisread(!parsed);
      if (parsed) void add({ meetingId: parsed.id, code: parsed.code });
    },
    [add],
  );
  const scanner = useScanner(scan);
  // The QR reader's code is fetched while the network is there: a camera first started offline must still read.
  useEffect(() => void import("jsqr"), []);
  const answerText = ({ answer, scannedAt }: Answered) => {
    const names = who(answer.meeting);
    if (answer.result === "recorded") return t("desk.recorded", { ...names, time: time(answer.checkedInAt ?? scannedAt) });
    if (!answer.checkedInAt) return t("desk.alreadyRecorded", names);
    const when = time(answer.checkedInAt);
    if (answer.checkedInBy) return t("desk.alreadyRecordedBy", { ...names, when, by: answer.checkedInBy });
    return t("desk.alreadyRecordedAt", { ...names, when });
  };
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <div className="desk">
          <h1>{t("desk.title")}</h1>
          {!desk.online && (
            <p className="notice desk-offline" role="status">
              {t("desk.offline")}
            </p>
          )}
          {/* Phone first: the camera, then what waits and what came back, then typing; two columns on a wide screen. */}
          <div className="desk-grid">
            <section className="panel desk-camera" aria-labelledby="camera-title">
              <h2 id="camera-title">{t("desk.camera")}</h2>
              <p className="muted">{t("desk.cameraHint")}</p>
              <video ref={scanner.video} className="scanner" muted playsInline aria-label={t("desk.cameraView")} hidden={!scanner.on} />
              {scanner.on ? (
                <button type="button" className="secondary" onClick={scanner.stop}>
                  {t("desk.stopCamera")}
                </button>
              ) : (
                <button type="button" onClick={() => void scanner.start()}>
                  {t("desk.startCamera")}
                </button>
              )}
              {scanner.failure && <Notice kind="error">{t("desk.cameraFailed", { reason: scanner.failure })}</Notice>}
              {misread && <Notice kind="error">{t("desk.notACode")}</Notice>}
            </section>
            <div className="desk-answers">
              <section className="panel" aria-labelledby="pending-title">
                <h2 id="pending-title">{t("desk.pendingTitle")}</h2>
                <p aria-live="polite" data-testid="pending-count">
                  {desk.pending.length ? t("desk.pending", { count: desk.pending.length }) : t("desk.nonePending")}
                </p>
                {desk.pending.length > 0 && (
                  <ul className="scan-list">
                    {desk.pending.map((item) => (
                      <li key={item.key}>{t("desk.scannedAt", { time: time(item.scannedAt) })}</li>
                    ))}
                  </ul>
                )}
                {desk.failure && <p className="muted">{t("desk.sendFailed", { reason: desk.failure })}</p>}
                {desk.pending.length > 0 && desk.online && (
                  <button type="button" className="secondary" disabled={desk.sending} onClick={() => void desk.sendNow()}>
                    {desk.sending ? t("desk.sending") : t("desk.sendNow")}
                  </button>
                )}
              </section>
              <section className="panel" aria-labelledby="results-title">
                <h2 id="results-title">{t("desk.results")}</h2>
                <div aria-live="polite">
                  {desk.refused.map((item) => (
                    <div key={item.key} className="notice error desk-refused" data-testid="refused-scan">
                      <p>{item.reason}</p>
                      <small>{t("desk.scannedAt", { time: time(item.scannedAt) })}</small>{" "}
                      <button type="button" className="link" onClick={() => desk.dismiss(item.key)}>
                        {t("desk.dismiss")}
                      </button>
                    </div>
                  ))}
                  {desk.answered.map((a) => (
                    <Notice key={a.scanId} kind="ok">
                      {answerText(a)}
                    </Notice>
                  ))}
                  {!desk.refused.length && !desk.answered.length && <p className="muted">{t("desk.noScans")}</p>}
                </div>
              </section>
            </div>
            <form
              className="panel desk-manual"
              aria-labelledby="manual-title"
              onSubmit={(e) => {
                e.preventDefault();
                if (!parseCheckIn(manual)) return setManualError(t("desk.notACode"));
                setManualError(null);
                scan(manual);
                setManual("");
              }}
            >
              <h2 id="manual-title">{t("desk.manual")}</h2>
              <div className={`field${manualError ? " invalid" : ""}`}>
                <label htmlFor="manual-code">{t("desk.codeLabel")}</label>
                <input
                  id="manual-code"
                  value={manual}
                  autoComplete="off"
                  aria-invalid={Boolean(manualError)}
                  aria-describedby={manualError ? "manual-err" : undefined}
                  onChange={(e) => {
                    setManual(e.target.value);
                    setManualError(manual && !parseCheckIn(e.target.value) ? t("desk.notACode") : null);
                  }}
                />
                {manualError && (
                  <small id="manual-err" className="field-error">
                    {manualError}
                  </small>
                )}
              </div>
              <button type="submit">{t("checkIn.confirm")}</button>
            </form>
          </div>
        </div>
      )}
    </RequireRole>
  );
}
