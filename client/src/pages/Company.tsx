import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { companyName, type CompanyCard } from "@ketnoi/contracts";
import { useAttachments, useCompany } from "../lib/queries/companies";
import { useUser } from "../lib/session";
import { usePageTitle } from "../lib/usePageTitle";
import { countryName, formatNumber, languageName, localized, termLabel } from "../lib/labels";
import { zoneName } from "../lib/time";
import { Async, Empty } from "../components/States";
import { RequestMeeting } from "../components/RequestMeeting";

function Terms({ title, codes }: { title: string; codes: string[] }) {
  const { i18n } = useTranslation();
  if (!codes.length) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className="chips">
        {codes.map((c) => (
          <li key={c}>{termLabel(c, i18n.language)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A company's page: what it does, offers and needs, its catalogues, and asking it to meet. */
export default function Company() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const user = useUser();
  const company = useCompany<CompanyCard & { processes: unknown[] }>(id);
  const files = useAttachments(id);
  usePageTitle(company.data && companyName(company.data, l));
  return (
    <Async query={company} empty={t("company.notFound")}>
      {(raw) => {
        // Members and organisers get the private view (processes as objects); others the public card.
        const c = { ...raw, processes: raw.processes.map((p) => (typeof p === "string" ? p : (p as { code: string }).code)) } as CompanyCard;
        const own = user?.companyId === c.id;
        const canMeet = user && (user.role === "domestic" || user.role === "vendor") && !own;
        return (
          <>
            <section className="panel company" aria-labelledby="company-name">
              <p className="muted">
                {t(`directory.kind.${c.kind}`)} · {countryName(c.country, l)}
                {c.district ? ` · ${c.district}` : ""}
              </p>
              <h1 id="company-name">{companyName(c, l)}</h1>
              {c.englishName && c.englishName !== c.legalName && (
                <p className="muted">{companyName(c, l) === c.legalName ? c.englishName : c.legalName}</p>
              )}
              {c.description && <p>{localized(c.description, l)}</p>}
              <dl className="facts-list">
                <div>
                  <dt>{t("company.participation")}</dt>
                  <dd>{t(`common.directory.participation.${c.participation}`)}</dd>
                </div>
                <div>
                  <dt>{t("company.languages")}</dt>
                  <dd>{c.languages.map((x) => languageName(x, l)).join(", ")}</dd>
                </div>
                <div>
                  <dt>{t("company.timeZone")}</dt>
                  <dd>{zoneName(c.timeZone, l)}</dd>
                </div>
                {c.employees !== undefined && (
                  <div>
                    <dt>{t("company.employees")}</dt>
                    <dd>{formatNumber(c.employees, l)}</dd>
                  </div>
                )}
              </dl>
              <div className="columns">
                <Terms title={t("company.sectors")} codes={c.sectors} />
                <Terms title={t("company.processes")} codes={c.processes} />
                <Terms
                  title={t("company.certifications")}
                  codes={c.certifications.map((x) => (typeof x === "string" ? x : (x as { code: string }).code))}
                />
                <Terms title={t("company.offers")} codes={c.offers.map((x) => (typeof x === "string" ? x : (x as { code: string }).code))} />
                <Terms
                  title={t("company.needs")}
                  codes={(c.needs as unknown[]).flatMap((x) => (typeof x === "string" ? [x] : (x as { codes: string[] }).codes))}
                />
              </div>
              {c.kind === "foreign" && (
                <p>
                  <Link className="button-link" to={`/booths/${c.id}`}>
                    {t("company.visitBooth")}
                  </Link>
                </p>
              )}
              {own && (
                <p>
                  <Link className="button-link" to="/onboarding">
                    {t("company.editProfile")}
                  </Link>
                </p>
              )}
            </section>
            <section className="panel" aria-labelledby="catalogues">
              <h2 id="catalogues">{t("company.catalogues")}</h2>
              <Async query={files} isEmpty={(d) => d.data.length === 0} empty={t("company.noCatalogues")}>
                {(d) => (
                  <ul>
                    {d.data.map((a) => (
                      <li key={a.id}>
                        <a href={`/api/attachments/${a.id}`}>{a.name}</a>{" "}
                        <small className="muted">({formatNumber(Math.ceil(a.size / 1024), l)} KB)</small>
                      </li>
                    ))}
                  </ul>
                )}
              </Async>
            </section>
            {canMeet && <RequestMeeting companyId={c.id} companyName={companyName(c, l)} />}
            {!user && (
              <Empty>
                <Link to={`/signin?next=/companies/${c.id}`}>{t("company.signInToMeet")}</Link>
              </Empty>
            )}
          </>
        );
      }}
    </Async>
  );
}
