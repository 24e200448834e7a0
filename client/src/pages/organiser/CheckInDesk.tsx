import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { OBJECT_ID_HEX, type MeetingView } from "@ketnoi/contracts";
import { send, errorText } from "../../lib/api";
import { RequireRole } from "../../components/RequireRole";
import { Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";
import { useScanner } from "../../lib/useQrScanner";

type Result = { at: number; kind: "ok" | "error"; text: string };

const CHECK_IN_URL = new RegExp(`/check-in/(${OBJECT_ID_HEX})\\?(?:.*&)?code=([A-Za-z0-9_-]{16,64})`);
const CHECK_IN_PAIR = new RegExp(`^\\s*(${OBJECT_ID_HEX})\\s+([A-Za-z0-9_-]{16,64})\\s*$`);

/** A meeting's QR code holds `<origin>/check-in/<meeting id>?code=<code>`; accept that URL or "id code". */
export function parseCheckIn(text: string): { id: string; code: string } | null {
  const url = CHECK_IN_URL.exec(text);
  if (url) return { id: url[1]!, code: url[2]! };
  const pair = CHECK_IN_PAIR.exec(text);
  return pair ? { id: pair[1]!, code: pair[2]! } : null;
}

/** The organisers' desk at the venue: scan a meeting's QR code (or type it) and the meeting is recorded as held. */
export default function CheckInDesk() {
  const { t } = useTranslation();
  usePageTitle(t("desk.title"));
  const [results, setResults] = useState<Result[]>([]);
  const [manual, setManual] = useState("");
  const [manualError, setManualError] = useState<string | null>(null);
  const checkIn = useCallback(
    async (text: string) => {
      const parsed = parseCheckIn(text);
      if (!parsed) {
        setResults((r) => [{ at: Date.now(), kind: "error" as const, text: t("desk.notACode") }, ...r].slice(0, 10));
        return;
      }
      try {
        const m = await send<MeetingView>("POST", `/meetings/${parsed.id}/check-in`, { code: parsed.code });
        setResults((r) =>
          [
            { at: Date.now(), kind: "ok" as const, text: t("checkIn.done", { a: m.requester.name, b: m.recipient.name, table: m.table ?? "" }) },
            ...r,
          ].slice(0, 10),
        );
      } catch (e) {
        setResults((r) => [{ at: Date.now(), kind: "error" as const, text: errorText(e) }, ...r].slice(0, 10));
      }
    },
    [t],
  );
  const scanner = useScanner(checkIn);
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <div className="desk">
          <h1>{t("desk.title")}</h1>
          <section className="panel" aria-labelledby="camera-title">
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
          </section>
          <form
            className="panel"
            aria-labelledby="manual-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (!parseCheckIn(manual)) return setManualError(t("desk.notACode"));
              setManualError(null);
              void checkIn(manual).then(() => setManual(""));
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
          <section className="panel" aria-labelledby="results-title">
            <h2 id="results-title">{t("desk.results")}</h2>
            <div aria-live="polite">
              {results.length ? (
                results.map((r) => (
                  <Notice key={r.at + r.text} kind={r.kind}>
                    {r.text}
                  </Notice>
                ))
              ) : (
                <p className="muted">{t("desk.noScans")}</p>
              )}
            </div>
          </section>
        </div>
      )}
    </RequireRole>
  );
}
