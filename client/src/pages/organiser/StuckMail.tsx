import { useTranslation } from "react-i18next";
import { Async } from "../../components/States";
import { useStuckMail } from "../../lib/queries/organiser";
import { dateTimeIn } from "../../lib/slotTime";
import { viewerTimeZone } from "../../lib/time";

/** Mail that did not go out: given up after the retries, or waiting for more than ten minutes. */
export function StuckMail() {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="stuck-mail-title">
      <h2 id="stuck-mail-title">{t("console.stuckMail")}</h2>
      <Async query={useStuckMail()} isEmpty={(list) => list.length === 0} empty={t("console.noStuckMail")}>
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
