import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BADGE_LAYOUTS, USER_ROLES, type BadgeLayout, type UserRole } from "@ketnoi/contracts";
import { query } from "../../lib/api";
import { downloadFromApi } from "../../lib/download";
import { Failure } from "../../components/States";

const LAYOUT_LABELS = { a4: "badges.a4", a6: "badges.a6" } as const satisfies Record<BadgeLayout, string>;

/**
 * The fair's badges as a PDF (GET /api/fairs/current/badges.pdf): everyone taking part, or one role's;
 * A4 sheets of four with cut marks for an office printer, or A6 pages for a badge printer.
 */
export function PrintBadges() {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<BadgeLayout>("a4");
  const [role, setRole] = useState<UserRole | "">("");
  const download = useMutation({
    mutationFn: () => downloadFromApi(`/fairs/current/badges.pdf${query({ layout, role })}`, `badges-${layout}.pdf`),
  });
  return (
    <section className="panel" aria-labelledby="badges-title">
      <h2 id="badges-title">{t("badges.title")}</h2>
      <p className="muted">{t("badges.hint")}</p>
      <fieldset>
        <legend>{t("badges.layout")}</legend>
        {BADGE_LAYOUTS.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="badge-layout" value={l} checked={layout === l} onChange={() => setLayout(l)} /> {t(LAYOUT_LABELS[l])}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="badge-role">{t("badges.who")}</label>
        <select id="badge-role" value={role} onChange={(e) => setRole(e.target.value as UserRole | "")}>
          <option value="">{t("badges.everyone")}</option>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t("badges.preparing") : t("badges.download")}
      </button>
      <Failure error={download.error} />
    </section>
  );
}
