import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InvitationRequestSchema, isLocale, type SessionUser } from "@ketnoi/contracts";
import { useForm } from "react-hook-form";
import { send } from "../lib/api";
import { errorOf, schemaResolver, useSubmit } from "../lib/forms";
import { RequireRole } from "../components/RequireRole";
import { Field } from "../components/Field";
import { Async, Notice } from "../components/States";
import { useCompany, useMembers } from "../lib/queries/companies";
import { useUser } from "../lib/session";
import { usePageTitle } from "../lib/usePageTitle";

/** A firm's owner invites a colleague: the contract's colleague invitation. */
const InviteSchema = InvitationRequestSchema.options[1];

/** Who is on the company's team now (GET /api/companies/:id/members), owners first. */
function Members({ user }: { user: SessionUser }) {
  const { t } = useTranslation();

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t("team.members")}</h2>
      <Async query={useMembers(user.companyId)} isEmpty={(m) => m.length === 0} empty={t("team.noMembers")}>
        {(members) => (
          <ul className="list compact members">
            {members.map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong>
                {m.id === user.id && <> ({t("team.you")})</>} · <a href={`mailto:${m.email}`}>{m.email}</a> ·{" "}
                <span className="muted">{t(`team.role.${m.companyRole}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

/**
 * Why this owner may not invite yet (the api refuses the same: invitations mail whoever they name),
 * or null: the address must be confirmed and the firm approved by the organisers.
 */
function useInviteBlocker(user: SessionUser | null): string | null {
  const { t } = useTranslation();
  const company = useCompany<{ status: "pending" | "approved" }>(user?.emailVerified ? (user.companyId ?? undefined) : undefined);
  if (!user) return null;
  if (!user.emailVerified) return t("team.confirmEmailFirst");
  return company.data?.status === "pending" ? t("team.waitApproval") : null;
}

/** A firm's team: who is on it, and invite colleagues (they get an email in their language and join the company). */
export default function Team() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("team.title"));
  const form = useForm({
    resolver: schemaResolver(InviteSchema),
    defaultValues: { kind: "colleague" as const, email: "", locale: isLocale(i18n.language) ? i18n.language : "vi" },
    mode: "all",
  });
  const [sent, setSent] = useState<string[]>([]);
  const blocker = useInviteBlocker(useUser());
  const save = useSubmit(form, async (body) => {
    await send("POST", "/invitations", body);
    setSent((s) => [form.getValues("email"), ...s]);
    form.resetField("email");
  });
  return (
    <RequireRole roles={["domestic", "vendor"]}>
      {(user) => (
        <>
          <h1>{t("team.title")}</h1>
          <div className="team-grid">
            <Members user={user} />
            <div>
              <form className="panel narrow" onSubmit={save.onSubmit} noValidate aria-labelledby="invite-title">
                <h2 id="invite-title">{t("team.invite")}</h2>
                <p className="muted">{t("team.inviteHint")}</p>
                {blocker && (
                  <p className="notice" role="status">
                    {blocker}
                  </p>
                )}
                <Field label={t("auth.email")} error={errorOf(form, "email")}>
                  {(p) => <input {...p} type="email" {...form.register("email")} />}
                </Field>
                <Field label={t("common.lang.label")}>
                  {(p) => (
                    <select {...p} {...form.register("locale")}>
                      {["vi", "en", "ja", "ko", "zh-Hant"].map((l) => (
                        <option key={l} value={l}>
                          {new Intl.DisplayNames([i18n.language], { type: "language" }).of(l)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {save.failure && <Notice kind="error">{save.failure}</Notice>}
                <button type="submit" disabled={save.busy || Boolean(blocker)}>
                  {t("team.send")}
                </button>
              </form>
              {sent.length > 0 && (
                <section className="panel narrow" aria-labelledby="sent-title">
                  <h2 id="sent-title">{t("team.sent")}</h2>
                  <ul>
                    {sent.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </RequireRole>
  );
}
