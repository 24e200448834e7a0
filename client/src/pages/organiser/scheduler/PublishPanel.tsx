import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SchedulePlanView } from "@ketnoi/contracts";
import { ApiError, errorText, getJson, send } from "../../../lib/api";
import { formatNumber } from "../../../lib/labels";
import { Notice } from "../../../components/States";

/** How often the page reads the plan while it is being published, for its progress. */
const POLL_MS = 1000;

/**
 * Publishing a draft: the button is disabled from the first click until the api answers (a plan
 * of a few hundred meetings takes a while), the progress the api writes is read every second and
 * shown, and a plan another tab is publishing shows its progress too. A second publish is refused
 * by the api, whose message is shown.
 */
export function PublishPanel({ plan, onPublished }: { plan: SchedulePlanView; onPublished: (plan: SchedulePlanView) => void }) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState(plan.publishing ?? null);
  // Set at once on the first click, so a double click does not send a second request.
  const inFlight = useRef(false);
  const publishing = useMutation({
    mutationFn: () => send<SchedulePlanView>("POST", `/scheduler/plans/${plan.id}/publish`, {}),
    onSuccess: onPublished,
    onSettled: () => void (inFlight.current = false),
  });
  const busy = publishing.isPending;
  const watching = busy || !!plan.publishing;
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => {
      getJson<SchedulePlanView>(`/scheduler/plans/${plan.id}`)
        .then((now) => {
          if (now.publishing) setProgress(now.publishing);
          // Published from another tab: show the result here too.
          if (now.status === "published" && !inFlight.current) onPublished(now);
        })
        .catch(() => {}); // a missed reading: the next one comes in a second
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [watching, plan.id, onPublished]);
  const publish = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    publishing.mutate();
  };
  const e = publishing.error;
  const failure = e ? (e instanceof ApiError && e.fields.plan ? e.fields.plan : errorText(e)) : null;
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title" className="sr-only">
        {t("scheduler.publish")}
      </h2>
      <p>{t(plan.changes ? "scheduler.publishReplanHint" : "scheduler.publishHint")}</p>
      <button type="button" disabled={busy} aria-busy={busy} onClick={publish}>
        {busy ? t("scheduler.publishing") : t("scheduler.publish")}
      </button>
      {watching && (
        <p role="status" className="muted">
          {progress ? t("scheduler.publishingProgress", { done: n(progress.done), total: n(progress.total) }) : t("scheduler.publishing")}
        </p>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}
    </section>
  );
}
