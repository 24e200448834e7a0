import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { badgeCodeFrom } from "@ketnoi/contracts";
import { RequireRole } from "../../components/RequireRole";
import { Async, Notice } from "../../components/States";
import { leadQueue, queueLead, type QueuedLead } from "../../lib/leads/leadQueue";
import { useLeadSync } from "../../lib/leads/useLeadSync";
import { useLeads } from "../../lib/queries/leads";
import { useScanner } from "../../lib/useQrScanner";
import { usePageTitle } from "../../lib/usePageTitle";
import { dateTimeIn, viewerTimeZone } from "../../lib/time";
import { LeadCard } from "./LeadCard";
import "./leads.css";

type Status = { kind: "ok" | "error"; text: string };

/** The camera on top: each badge read is queued on the device with its time, online or not. */
function Scanner() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const onText = useCallback(
    (text: string) => {
      const code = badgeCodeFrom(text);
      if (!code) return setStatus({ kind: "error", text: t("leads.notABadge") });
      const at = new Date();
      void queueLead(code, {}, at).then(() =>
        setStatus({ kind: "ok", text: t("leads.scanned", { time: dateTimeIn(at.getTime(), viewerTimeZone(), i18n.language) }) }),
      );
    },
    [t, i18n.language],
  );
  const scanner = useScanner(onText);
  return (
    <section className="panel lead-scanner" aria-labelledby="lead-camera">
      <h2 id="lead-camera">{t("leads.camera")}</h2>
      <p className="muted">{t("leads.cameraHint")}</p>
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
      <div aria-live="polite">{status && <Notice kind={status.kind}>{status.text}</Notice>}</div>
    </section>
  );
}

/** Scans the server has not resolved to a person yet (offline: the badge says nothing about who it is), and refused ones. */
function Waiting({ items, known }: { items: QueuedLead[]; known: Set<string> }) {
  const { t, i18n } = useTranslation();
  const shown = items.filter((i) => !known.has(i.body.badge));
  if (!shown.length) return null;
  return (
    <section className="panel" aria-labelledby="lead-waiting">
      <h2 id="lead-waiting">{t("leads.waiting")}</h2>
      <ul className="lead-queue">
        {shown.map((i) => (
          <li key={i.key}>
            <span>{t("leads.badgeScannedAt", { time: dateTimeIn(Date.parse(i.scannedAt), viewerTimeZone(), i18n.language) })}</span>
            {i.state === "pending" ? (
              <span className="lead-pending">{t("leads.notSent")}</span>
            ) : (
              <>
                <span className="field-error">{i.reason}</span>
                <button type="button" className="secondary" onClick={() => void leadQueue().remove(i.key)}>
                  {t("leads.dismiss")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LeadsBody() {
  const { t } = useTranslation();
  const { items, pending, online } = useLeadSync();
  const leads = useLeads();
  // A badge opened from the phone's own camera app (/badge/:code) lands here with its lead opened.
  const [params] = useSearchParams();
  const opened = params.get("badge");
  const known = new Set((leads.data?.data ?? []).map((l) => l.badge));
  const queuedFor = new Map(items.map((i) => [i.body.badge, i]));
  const scrolledTo = useRef<string | null>(null);
  const openedKnown = Boolean(opened && known.has(opened));
  useEffect(() => {
    if (!opened || !openedKnown || scrolledTo.current === opened) return;
    scrolledTo.current = opened;
    document.querySelector(`[data-badge="${CSS.escape(opened)}"]`)?.scrollIntoView({ block: "start" });
  }, [opened, openedKnown]);
  return (
    <div className="leads-page">
      <h1>{t("leads.title")}</h1>
      <Scanner />
      <p className="lead-sync" role="status">
        {pending.length ? t(online ? "leads.sending" : "leads.pendingOffline", { count: pending.length }) : t("leads.allSent")}
      </p>
      <Waiting items={items} known={known} />
      <section aria-labelledby="lead-list">
        <div className="lead-list-head">
          <h2 id="lead-list">{t("leads.list")}</h2>
          <p className="lead-exports">
            <a className="button-link secondary" href="/api/leads/export.csv" download="ketnoi-leads.csv">
              {t("leads.exportCsv")}
            </a>
            <a className="button-link secondary" href="/api/leads/export.xlsx" download="ketnoi-leads.xlsx">
              {t("leads.exportXlsx")}
            </a>
          </p>
        </div>
        <Async query={leads} empty={t("leads.empty")} isEmpty={(d) => d.data.length === 0}>
          {(d) => (
            <>
              {d.data.map((lead) => (
                <LeadCard key={lead.id} lead={lead} queued={queuedFor.get(lead.badge)} highlight={lead.badge === opened} />
              ))}
            </>
          )}
        </Async>
      </section>
    </div>
  );
}

/** The booth's lead capture, phone-first: scan visitors' badges (online or not), note, rate and tag them, export. */
export default function Leads() {
  const { t } = useTranslation();
  usePageTitle(t("leads.title"));
  return <RequireRole roles={["domestic", "vendor"]}>{() => <LeadsBody />}</RequireRole>;
}
