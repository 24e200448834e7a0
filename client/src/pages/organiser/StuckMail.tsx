import { useTranslation } from "react-i18next";
import { Async } from "../../components/States";
import { useLoad } from "../../lib/useLoad";
import { dateTimeIn } from "../../lib/slotTime";
import { viewerTimeZone } from "../../lib/time";

type StuckMail = { id: string; to: string; subject: string; queuedAt: string; attempts: number; state: "waiting" | "given_up"; lastError?: string };

/** Mail that did not go out: given up after the retries, or waiting for more than ten minutes. */
export function StuckMail() {
  const { t, i18n } = useTranslation();
  const { result, reload } = useLoad<StuckMail[]>("/mail/stuck", (list) => list.length === 0);
  return (
    <section className="panel" aria-labelledby="stuck-mail-title">
      <h2 id="stuck-mail-title">{t("console.stuckMail")}</h2>
      <Async result={result} reload={reload} empty={t("console.noStuckMail")}>
        {(list) => (
          <ul className="list">
            {list.map((m) => (
              <li key={m.id}>
                <strong>{m.to}</strong> · {m.subject} · <small className="muted">{dateTimeIn(m.queuedAt, viewerTimeZone(), i18n.language)}</small>
                <br />
                <small>
                  {t(m.state === "given_up" ? "console.mailGivenUp" : "console.mailWaiting", { attempts: m.attempts })}
                  {m.lastError ? ` ${m.lastError}` : ""}
                </small>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
