import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { AcceptProposalBodySchema, type DismissReason, type MeetingView, type RecommendationView } from "@ketnoi/contracts";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { useCompany } from "../lib/queries/companies";
import { useRecommendations } from "../lib/queries/me";
import { useMeetingWrite } from "../lib/queries/meetings";
import { countryName, formatNumber } from "../lib/labels";
import { RequireRole } from "../components/RequireRole";
import { Field } from "../components/Field";
import { MeetingPreferenceFields } from "../components/MeetingPreferenceFields";
import { Async, Failure, Notice } from "../components/States";
import { usePageTitle } from "../lib/usePageTitle";

const DISMISS_REASONS: DismissReason[] = ["notRelevant", "language", "timeZone", "alreadyInContact", "other"];

/** Turning a proposal into a meeting request (POST /api/recommendations/:companyId/accept). */
function AcceptForm({ rec, onDone, onCancel }: { rec: RecommendationView; onDone: (m: MeetingView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: schemaResolver(AcceptProposalBodySchema),
    defaultValues: { message: "", mode: rec.mode === "online" ? ("online" as const) : ("either" as const), dayPart: "any" as const },
    mode: "onChange",
  });
  const accept = useMeetingWrite((body: z.output<typeof AcceptProposalBodySchema>) =>
    send<MeetingView>("POST", `/recommendations/${rec.company.id}/accept`, body),
  );
  const save = useSubmit(form, async (body) => {
    onDone(await accept.mutateAsync(body));
  });
  return (
    <form className="inline-form" onSubmit={save.onSubmit} noValidate aria-label={t("recs.requestTitle", { name: rec.company.name })}>
      <MeetingPreferenceFields register={(name) => form.register(name)} error={(name) => errorOf(form, name)} />
      {save.failure && <Notice kind="error">{save.failure}</Notice>}
      <div className="actions">
        <button type="submit" disabled={save.busy}>
          {t("common.meeting.sendRequest")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("recs.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Dismissing a proposal with a reason: it goes, and similar ones rank lower from then on. */
function DismissForm({ rec, onDone, onCancel }: { rec: RecommendationView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DismissReason>("notRelevant");
  // Dismissed, the card leaves the list here (RecList); the next reading of proposals leaves it out too.
  const dismiss = useMutation({
    mutationFn: () => send("POST", `/recommendations/${rec.company.id}/dismiss`, { kind: rec.kind, reason }),
    onSuccess: onDone,
  });
  const busy = dismiss.isPending;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    dismiss.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("recs.dismissTitle", { name: rec.company.name })}>
      <Field label={t("recs.dismissReason")}>
        {(p) => (
          <select {...p} value={reason} onChange={(e) => setReason(e.target.value as DismissReason)}>
            {DISMISS_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`recs.reason.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Failure error={dismiss.error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t("recs.confirmDismiss")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("recs.cancel")}
        </button>
      </div>
    </form>
  );
}

/** One proposal: who, how well it fits (score bar), why (in the viewer's language), and what to do. */
function RecCard({ rec, onGone }: { rec: RecommendationView; onGone: (notice: string) => void }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const [bookmarked, setBookmarked] = useState(rec.bookmarked);
  const [open, setOpen] = useState<"accept" | "dismiss" | null>(null);
  const [requested, setRequested] = useState<MeetingView | null>(null);
  const percent = formatNumber(rec.score, l, { style: "percent", maximumFractionDigits: 0 });
  const bookmark = useMutation({
    mutationFn: (on: boolean) => send(on ? "PUT" : "DELETE", `/recommendations/${rec.company.id}/bookmark`, on ? {} : undefined),
    onSuccess: (_, on) => setBookmarked(on),
  });
  const titleId = `rec-${rec.company.id}`;
  return (
    <li className="card rec" aria-labelledby={titleId}>
      <div className="rec-head">
        <h2 className="h3" id={titleId}>
          <Link to={`/companies/${rec.company.id}`}>{rec.company.name}</Link>
        </h2>
        <small className="muted">
          {countryName(rec.company.country, l)} · {t(`common.directory.participation.${rec.company.participation}`)} · {t(`recs.mode.${rec.mode}`)}
        </small>
        {rec.promoted && <span className="badge">{t("recs.promoted")}</span>}
      </div>
      <div className="score">
        <span className="meta">{t("recs.score", { score: percent })}</span>
        <meter min={0} max={1} low={0.4} high={0.7} optimum={1} value={rec.score} aria-label={t("recs.score", { score: percent })}>
          {percent}
        </meter>
      </div>
      {rec.text.length > 0 && (
        <>
          <h3 className="sr-only">{t("recs.reasons")}</h3>
          <ul className="reasons">
            {rec.text.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      )}
      <Failure error={bookmark.error} />
      {requested ? (
        <Notice kind="ok">
          {t("common.meeting.requestedWith", { name: rec.company.name })} <Link to="/inbox">{t("common.nav.inbox")}</Link>
        </Notice>
      ) : open === "accept" ? (
        <AcceptForm rec={rec} onDone={setRequested} onCancel={() => setOpen(null)} />
      ) : open === "dismiss" ? (
        <DismissForm rec={rec} onDone={() => onGone(t("recs.dismissed", { name: rec.company.name }))} onCancel={() => setOpen(null)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setOpen("accept")}>
            {t("recs.request")}
          </button>
          <button type="button" className="secondary" aria-pressed={bookmarked} onClick={() => bookmark.mutate(!bookmarked)}>
            {bookmarked ? t("recs.bookmarked") : t("recs.bookmark")}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen("dismiss")}>
            {t("recs.dismiss")}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * No proposals: a firm awaiting approval is told what it waits for (the matcher proposes approved
 * firms only), not to complete a profile; an approved one, that there are none yet.
 */
function NoRecommendations({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <Async query={useCompany<{ status: "pending" | "approved" }>(companyId)} empty={t("recs.empty")}>
      {(company) =>
        company.status === "pending" ? (
          <div className="panel" role="status" data-testid="awaiting-approval">
            <p>{t("recs.pending")}</p>
            <p>
              <Link to="/profile">{t("recs.pendingProfile")}</Link>
            </p>
          </div>
        ) : (
          <p className="panel state empty">{t("recs.empty")}</p>
        )
      }
    </Async>
  );
}

function RecList({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const recommendations = useRecommendations();
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Async query={recommendations} empty={t("recs.empty")}>
      {(list) => {
        if (list.length === 0) return <NoRecommendations companyId={companyId} />;
        const shown = list.filter((r) => !gone.has(r.company.id));
        return (
          <>
            {notice && <Notice kind="ok">{notice}</Notice>}
            {shown.length === 0 ? (
              <p className="panel state empty">{t("recs.empty")}</p>
            ) : (
              <ol className="list recs">
                {shown.map((r) => (
                  <RecCard
                    key={r.company.id}
                    rec={r}
                    onGone={(text) => {
                      setGone((g) => new Set(g).add(r.company.id));
                      setNotice(text);
                    }}
                  />
                ))}
              </ol>
            )}
          </>
        );
      }}
    </Async>
  );
}

export default function Recommendations() {
  const { t } = useTranslation();
  usePageTitle(t("recs.title"));
  return (
    <RequireRole roles={["domestic", "vendor"]}>
      {(user) => (
        <>
          <h1>{t("recs.title")}</h1>
          <p className="muted">{t("recs.intro")}</p>
          <RecList companyId={user.companyId ?? ""} />
        </>
      )}
    </RequireRole>
  );
}
