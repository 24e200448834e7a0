import { useTranslation } from "react-i18next";
import { companyName } from "@ketnoi/contracts";
import { useAttachments, useCompany } from "../../lib/queries/companies";
import { localized } from "../../lib/labels";
import { Async } from "../../components/States";

/** What a booth shows before anyone talks: the firm, its headline and highlights, and its catalogues to download. */
export function BoothShowcase({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const company = useCompany(companyId);
  const files = useAttachments(companyId);
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(bytes / 1024);
  return (
    <section className="panel" aria-labelledby="booth-showcase">
      <Async query={company} empty={null}>
        {(c) => (
          <>
            <h2 id="booth-showcase">{companyName(c, i18n.language)}</h2>
            {c.booth?.headline && <p className="lead">{localized(c.booth.headline, i18n.language)}</p>}
            {c.booth?.highlights.length ? (
              <ul>
                {c.booth.highlights.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: highlights have no id and two may read alike; the list is read-only, so its position is a stable key
                  <li key={i}>{localized(h, i18n.language)}</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </Async>
      <h3>{t("booth.catalogues")}</h3>
      <Async query={files} isEmpty={(d) => !d.data.some((f) => f.kind === "catalogue")} empty={<p className="muted">{t("booth.noCatalogues")}</p>}>
        {(d) => (
          <ul data-testid="catalogues">
            {d.data
              .filter((f) => f.kind === "catalogue")
              .map((f) => (
                <li key={f.id}>
                  <a href={`/api/attachments/${f.id}`} download={f.name}>
                    {f.name}
                  </a>{" "}
                  <span className="muted">({size(f.size)})</span>
                </li>
              ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
