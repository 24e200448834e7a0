import { useTranslation } from "react-i18next";
import { companyName, type CompanyCard } from "@ketnoi/contracts";
import { useLoad } from "../../lib/useLoad";
import { localized } from "../../lib/labels";
import { Async } from "../../components/States";

interface Attachment {
  id: string;
  kind: "logo" | "catalogue";
  name: string;
  contentType: string;
  size: number;
}

/** What a booth shows before anyone talks: the firm, its headline and highlights, and its catalogues to download. */
export function BoothShowcase({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const company = useLoad<CompanyCard>(`/companies/${companyId}`);
  const files = useLoad<{ data: Attachment[] }>(`/companies/${companyId}/attachments`, (d) => !d.data.some((f) => f.kind === "catalogue"));
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(bytes / 1024);
  return (
    <section className="panel" aria-labelledby="booth-showcase">
      <Async result={company.result} reload={company.reload} empty={null}>
        {(c) => (
          <>
            <h2 id="booth-showcase">{companyName(c, i18n.language)}</h2>
            {c.booth?.headline && <p className="lead">{localized(c.booth.headline, i18n.language)}</p>}
            {c.booth?.highlights.length ? <ul>{c.booth.highlights.map((h, i) => <li key={i}>{localized(h, i18n.language)}</li>)}</ul> : null}
          </>
        )}
      </Async>
      <h3>{t("booth.catalogues")}</h3>
      <Async result={files.result} reload={files.reload} empty={<p className="muted">{t("booth.noCatalogues")}</p>}>
        {(d) => (
          <ul data-testid="catalogues">
            {d.data
              .filter((f) => f.kind === "catalogue")
              .map((f) => (
                <li key={f.id}>
                  <a href={`/api/attachments/${f.id}`} download={f.name}>{f.name}</a> <span className="muted">({size(f.size)})</span>
                </li>
              ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
