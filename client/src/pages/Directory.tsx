import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { query } from "../lib/api";
import { useDirectory } from "../lib/queries/companies";
import { countryName, formatNumber, termLabel, termsOf } from "../lib/labels";
import { Async } from "../components/States";
import { CompanyCard } from "../components/CompanyCard";
import { usePageTitle } from "../lib/usePageTitle";

const FILTERS = ["kind", "sector", "process", "certification", "country", "participation"] as const;
const COUNTRIES = ["VN", "JP", "KR", "TW", "DE", "IT", "FR", "NL", "CZ"];
const PAGE_SIZE = 24;

/** The public directory: free text (diacritics ignored by the api), filters and paging kept in the URL. */
export default function Directory() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("directory.title"));
  const l = i18n.language;
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  // Search as you type, a moment after the last key.
  useEffect(() => {
    const id = setTimeout(() => {
      if ((params.get("q") ?? "") === text.trim()) return;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set("q", text.trim());
      else next.delete("q");
      next.delete("page");
      setParams(next, { replace: true });
    }, 250);
    return () => clearTimeout(id);
  }, [text, params, setParams]);
  const page = Number(params.get("page") ?? 1) || 1;
  const results = useDirectory(
    query({ q: params.get("q"), ...Object.fromEntries(FILTERS.map((f) => [f, params.get(f)])), page, pageSize: PAGE_SIZE }),
  );
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("page");
    setParams(next);
  };
  const select = (name: (typeof FILTERS)[number], options: [string, string][]) => (
    <label className="filter">
      <span>{t(`directory.filter.${name}`)}</span>
      <select value={params.get(name) ?? ""} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t("directory.any")}</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  const terms = (kind: "sector" | "process" | "certification") => termsOf(kind).map((x) => [x.code, termLabel(x.code, l)] as [string, string]);
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <search>
        <form className="panel filters" onSubmit={(e) => e.preventDefault()}>
          <label className="filter search">
            <span>{t("directory.search")}</span>
            <input type="search" value={text} placeholder={t("directory.searchHint")} onChange={(e) => setText(e.target.value)} />
          </label>
          {select("kind", [
            ["domestic", t("directory.kind.domestic")],
            ["foreign", t("directory.kind.foreign")],
          ])}
          {select("sector", terms("sector"))}
          {select("process", terms("process"))}
          {select("certification", terms("certification"))}
          {select(
            "country",
            COUNTRIES.map((c) => [c, countryName(c, l)]),
          )}
          {select("participation", [
            ["onsite", t("common.directory.participation.onsite")],
            ["remote", t("common.directory.participation.remote")],
          ])}
        </form>
      </search>
      <Async query={results} isEmpty={(d) => d.total === 0} empty={t("directory.none")}>
        {(data) => (
          <section aria-labelledby="results">
            <h2 id="results" className="results-count" aria-live="polite">
              {t("directory.count", { count: data.total, formatted: formatNumber(data.total, l) })}
            </h2>
            <div className="grid">
              {data.data.map((c) => (
                <CompanyCard key={c.id} company={c} />
              ))}
            </div>
            {data.total > PAGE_SIZE && (
              <nav className="pager" aria-label={t("directory.pages")}>
                <button type="button" disabled={page <= 1} onClick={() => setFilter("page", String(page - 1))}>
                  {t("directory.prev")}
                </button>
                <span>{t("directory.pageOf", { page, pages: Math.ceil(data.total / PAGE_SIZE) })}</span>
                <button type="button" disabled={page * PAGE_SIZE >= data.total} onClick={() => setFilter("page", String(page + 1))}>
                  {t("directory.next")}
                </button>
              </nav>
            )}
          </section>
        )}
      </Async>
    </>
  );
}
