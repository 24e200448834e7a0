import { useTranslation } from "react-i18next";
import { SIZE_BANDS, type OpenDataDictionary, type OpenDataStatisticsView } from "@ketnoi/contracts";
import { BarChart } from "../components/BarChart";
import { YearChart } from "../components/YearChart";
import { Async } from "../components/States";
import { countryName, formatNumber, termLabel } from "../lib/labels";
import { useOpenDataDictionary, useOpenDataStatistics } from "../lib/queries/openData";
import { usePageTitle } from "../lib/usePageTitle";
import "./openData.css";

const DOWNLOADS = [
  ["/api/open-data/firms.csv", "data.firmsCsv"],
  ["/api/open-data/firms.json", "data.firmsJson"],
  ["/api/open-data/statistics.csv", "data.statisticsCsv"],
  ["/api/open-data/statistics", "data.statisticsJson"],
  ["/api/open-data/dictionary.json", "data.dictionaryJson"],
] as const;

/**
 * The CNHT data website's statistics page (/data, public): the programme's firms in figures, year
 * on year, by sector, process, district, certification and size, foreign partners by country; the
 * open-data downloads with their licence, and the data dictionary.
 */
export default function OpenData() {
  const { t } = useTranslation();
  const statistics = useOpenDataStatistics();
  usePageTitle(t("data.title"));
  return (
    <>
      <h1>{t("data.title")}</h1>
      <p>{t("data.intro")}</p>
      <Async query={statistics} empty={t("state.empty")}>
        {(s) => <Figures s={s} />}
      </Async>
      <Downloads licence={statistics.data?.licence} />
      <Dictionary />
    </>
  );
}

function Figures({ s }: { s: OpenDataStatisticsView }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const years = s.years.map((y) => y.year);
  const entries = (counts: Record<string, number>, label: (key: string) => string): [string, number][] =>
    Object.entries(counts).map(([key, v]) => [label(key), v]);
  const term = (code: string) => termLabel(code, i18n.language);
  return (
    <>
      <p>{t("data.readAt", { when: new Date(s.readAt).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      <section className="panel" aria-labelledby="data-key-figures">
        <h2 id="data-key-figures">{t("data.keyFigures")}</h2>
        <dl className="figures">
          <div>
            <dt>{t("data.firms")}</dt>
            <dd>{n(s.firms)}</dd>
          </div>
          <div>
            <dt>{t("data.foreignPartners")}</dt>
            <dd>{n(s.foreignPartners)}</dd>
          </div>
          <div>
            <dt>{t("data.yearsCount")}</dt>
            <dd>{n(s.years.length)}</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="data-years">
        <h2 id="data-years">{t("data.yearOnYear")}</h2>
        <YearChart
          years={years}
          label={t("data.yearChartLabel")}
          describedBy="data-year-table"
          series={[
            { key: "firms", label: t("data.firms"), values: s.years.map((y) => y.firms) },
            { key: "new", label: t("data.newFirms"), values: s.years.map((y) => y.newFirms) },
            { key: "certified", label: t("data.certifiedFirms"), values: s.years.map((y) => y.certifiedFirms) },
            { key: "foreign", label: t("data.foreignPartners"), values: s.years.map((y) => y.foreignPartners) },
          ]}
        />
        <div className="table-scroll">
          <table id="data-year-table">
            <caption>{t("data.yearTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.year")}</th>
                <th scope="col">{t("data.events")}</th>
                <th scope="col">{t("data.firms")}</th>
                <th scope="col">{t("data.newFirms")}</th>
                <th scope="col">{t("data.certifiedFirms")}</th>
                <th scope="col">{t("data.foreignPartners")}</th>
                <th scope="col">{t("data.meetingsHeld")}</th>
              </tr>
            </thead>
            <tbody>
              {s.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{n(y.events)}</td>
                  <td>{n(y.firms)}</td>
                  <td>{n(y.newFirms)}</td>
                  <td>{n(y.certifiedFirms)}</td>
                  <td>{n(y.foreignPartners)}</td>
                  <td>{n(y.meetingsHeld)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="data-firms">
        <h2 id="data-firms">{t("data.firms")}</h2>
        <div className="columns">
          <BarChart title={t("data.bySector")} data={entries(s.bySector, term)} max={s.firms} />
          <BarChart title={t("data.byProcess")} data={entries(s.byProcess, term)} max={s.firms} />
          <BarChart title={t("data.byDistrict")} data={entries(s.byDistrict, (d) => d)} max={s.firms} />
          <BarChart title={t("data.byCertification")} data={entries(s.byCertification, term)} max={s.firms} />
          <div>
            <BarChart title={t("data.bySize")} data={SIZE_BANDS.map((b) => [t(`data.size.${b}`), s.bySizeBand[b] ?? 0])} max={s.firms} />
            <p>{t("data.sizeNote")}</p>
          </div>
        </div>
      </section>
      <section className="panel" aria-labelledby="data-partners">
        <h2 id="data-partners">{t("data.foreignPartners")}</h2>
        <BarChart
          title={t("data.byCountry")}
          data={entries(s.foreignPartnersByCountry, (c) => countryName(c, i18n.language))}
          max={s.foreignPartners}
        />
      </section>
    </>
  );
}

function Downloads({ licence }: { licence: OpenDataStatisticsView["licence"] | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="data-open">
      <h2 id="data-open">{t("data.openData")}</h2>
      {licence && (
        <p>
          {t("data.licence", { licence: licence.name })}{" "}
          <a href={licence.url} rel="license">
            {licence.name}
          </a>
        </p>
      )}
      <ul>
        {DOWNLOADS.map(([href, label]) => (
          <li key={href}>
            <a href={href}>{t(label)}</a>
          </li>
        ))}
        <li>
          <a href="/cnht/firms">{t("data.firmPages")}</a>
        </li>
      </ul>
    </section>
  );
}

function Dictionary() {
  const { t } = useTranslation();
  const dictionary = useOpenDataDictionary();
  return (
    <section className="panel" aria-labelledby="data-dictionary">
      <h2 id="data-dictionary">{t("data.dictionary")}</h2>
      <Async query={dictionary} empty={t("state.empty")}>
        {(d) => <DictionaryTables d={d} />}
      </Async>
    </section>
  );
}

function DictionaryTables({ d }: { d: OpenDataDictionary }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{d.consent}</p>
      <p>{d.licence.attribution}</p>
      <p>{d.codes}</p>
      <p>{d.csv}</p>
      {d.files.map((file) => (
        <div key={file.name}>
          <h3>{file.description}</h3>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("data.column")}</th>
                  <th scope="col">{t("data.jsonField")}</th>
                  <th scope="col">{t("data.type")}</th>
                  <th scope="col">{t("data.description")}</th>
                </tr>
              </thead>
              <tbody>
                {file.fields.map((f) => (
                  <tr key={f.csv}>
                    <th scope="row">
                      <code>{f.csv}</code>
                    </th>
                    <td>{f.json && <code>{f.json}</code>}</td>
                    <td>{f.type}</td>
                    <td>{f.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {file.measures && (
            <>
              <h4>{t("data.measures")}</h4>
              <dl>
                {file.measures.map((m) => (
                  <div key={m.csv}>
                    <dt>
                      <code>{m.csv}</code>
                    </dt>
                    <dd>{m.description}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </div>
      ))}
    </>
  );
}
