import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { companyName, type CompanyCard as Card } from "@ketnoi/contracts";
import { countryName, localized, termLabel } from "../lib/labels";

/** One company in a list: name, country, sectors and the processes or offers it is known for. */
export function CompanyCard({ company }: { company: Card }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const tags = company.kind === "domestic" ? company.processes : company.offers;
  // The name for this reader first (a Hanoi firm's Vietnamese legal name to a Vietnamese reader), the other one under it.
  const name = companyName(company, l);
  const otherName = name === company.legalName ? company.englishName : company.legalName;
  return (
    <article className="card company-card">
      <h3>
        <Link to={`/companies/${company.id}`}>{name}</Link>
      </h3>
      {otherName && otherName !== name && <p className="muted">{otherName}</p>}
      <p className="meta">
        <span>
          {countryName(company.country, l)}
          {company.district ? ` · ${company.district}` : ""}
        </span>
        <span className={`tag tag-${company.participation}`}>{t(`common.directory.participation.${company.participation}`)}</span>
        {company.pending && <span className="status status-requested">{t("common.directory.pending")}</span>}
      </p>
      <p className="sectors">{company.sectors.map((s) => termLabel(s, l)).join(" · ")}</p>
      {tags.length > 0 && (
        <ul className="chips" aria-label={t(company.kind === "domestic" ? "company.processes" : "company.offers")}>
          {tags.slice(0, 5).map((c) => (
            <li key={c}>{termLabel(c, l)}</li>
          ))}
        </ul>
      )}
      {company.booth?.headline && <p className="headline">{localized(company.booth.headline, l)}</p>}
    </article>
  );
}
