import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { send, errorText } from "../lib/api";
import { useLoad } from "../lib/useLoad";
import { countryName, formatNumber, localized } from "../lib/labels";
import { RequireRole } from "../components/RequireRole";
import { Async, Notice } from "../components/States";

/**
 * What the matching service proposes (GET /api/recommendations), read defensively: a list or
 * `{ data }`, each with the company (card or id and name), a score and reasons (strings or `{ text }`).
 */
type Raw = Record<string, unknown>;
interface Rec { id: string; name: string; country?: string; score?: number; reasons: string[]; bookmarked?: boolean }

function normalise(body: unknown, locale: string): Rec[] {
  const list = Array.isArray(body) ? body : Array.isArray((body as Raw)?.data) ? ((body as Raw).data as unknown[]) : [];
  return list.flatMap((x): Rec[] => {
    const r = x as Raw;
    const company = (r.company ?? r.partner ?? r) as Raw;
    const id = String(company.id ?? r.companyId ?? "");
    if (!id) return [];
    const reasons = Array.isArray(r.reasons)
      ? (r.reasons as unknown[]).map((x) => (typeof x === "string" ? x : String((x as Raw).text ?? localized((x as Raw).label as never, locale) ?? ""))).filter(Boolean)
      : [];
    return [{ id, name: String(company.legalName ?? company.name ?? r.name ?? id), country: company.country as string | undefined, score: typeof r.score === "number" ? r.score : undefined, reasons, bookmarked: Boolean(r.bookmarked) }];
  });
}

function RecList() {
  const { t, i18n } = useTranslation();
  const { result, reload } = useLoad<unknown>("/recommendations", (b) => normalise(b, "en").length === 0);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const act = async (id: string, what: "dismiss" | "bookmark") => {
    try {
      await send("POST", `/recommendations/${id}/${what}`, {});
      if (what === "dismiss") setHidden((h) => new Set(h).add(id));
    } catch (e) {
      setFailure(errorText(e));
    }
  };
  return (
    <Async result={result} reload={reload} empty={t("recs.empty")}>
      {(body) => (
        <>
          {failure && <Notice kind="error">{failure}</Notice>}
          <ol className="list">
            {normalise(body, i18n.language).filter((r) => !hidden.has(r.id)).map((r) => (
              <li key={r.id} className="card">
                <h2 className="h3"><Link to={`/companies/${r.id}`}>{r.name}</Link> {r.country && <small className="muted">{countryName(r.country, i18n.language)}</small>}</h2>
                {r.score !== undefined && <p className="meta">{t("recs.score", { score: formatNumber(r.score, i18n.language, { maximumFractionDigits: 2 }) })}</p>}
                {r.reasons.length > 0 && <ul className="reasons" aria-label={t("recs.reasons")}>{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul>}
                <div className="actions">
                  <Link className="button-link" to={`/companies/${r.id}`}>{t("recs.requestMeeting")}</Link>
                  <button type="button" className="secondary" onClick={() => void act(r.id, "bookmark")}>{t("recs.bookmark")}</button>
                  <button type="button" className="secondary" onClick={() => void act(r.id, "dismiss")}>{t("recs.dismiss")}</button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </Async>
  );
}

export default function Recommendations() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={["domestic", "vendor"]}>
      {() => (
        <>
          <h1>{t("recs.title")}</h1>
          <p className="muted">{t("recs.intro")}</p>
          <RecList />
        </>
      )}
    </RequireRole>
  );
}
