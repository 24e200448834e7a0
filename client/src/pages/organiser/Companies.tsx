import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../lib/api";
import { keys } from "../../lib/queries/keys";
import { formatNumber } from "../../lib/labels";
import { RequireRole } from "../../components/RequireRole";
import { Failure, Notice } from "../../components/States";
import { usePageTitle } from "../../lib/usePageTitle";
import { PrintBadges } from "./PrintBadges";

type Report = { dryRun: boolean; created: number; updated: number; rejected: number; errors: { line: number; field: string; message: string }[] };

/** Company lists in and out: CSV export, and import with a dry run that reports every bad line. */
export default function Companies() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("console.companies"));
  const [csv, setCsv] = useState("");
  const client = useQueryClient();
  // An import (not a dry run) changes the directory and every company view.
  const importing = useMutation({
    mutationFn: (dryRun: boolean) => send<Report>("POST", "/companies/import", { csv, dryRun }),
    onSuccess: (report) => void (report.dryRun || client.invalidateQueries({ queryKey: keys.companies.all })),
  });
  const busy = importing.isPending;
  const report = importing.data ?? null;
  const run = (dryRun: boolean) => importing.mutate(dryRun);
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <RequireRole roles={["organiser"]}>
      {() => (
        <>
          <h1>{t("console.companies")}</h1>
          <section className="panel" aria-labelledby="export-title">
            <h2 id="export-title">{t("import.export")}</h2>
            <p className="muted">{t("import.exportHint")}</p>
            <a className="button-link" href="/api/companies/export" download>
              {t("import.exportButton")}
            </a>
          </section>
          <PrintBadges />
          <section className="panel" aria-labelledby="import-title">
            <h2 id="import-title">{t("import.title")}</h2>
            <p className="muted">{t("import.hint")}</p>
            <div className="field">
              <label htmlFor="csv-file">{t("import.file")}</label>
              <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
            </div>
            <div className="field">
              <label htmlFor="csv-text">{t("import.text")}</label>
              <textarea id="csv-text" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} />
            </div>
            <div className="actions">
              <button type="button" className="secondary" disabled={busy || !csv.trim()} onClick={() => run(true)}>
                {t("import.check")}
              </button>
              <button type="button" disabled={busy || !csv.trim()} onClick={() => run(false)}>
                {t("import.import")}
              </button>
            </div>
            <Failure error={importing.error} />
            {report && (
              <div aria-live="polite">
                <Notice kind={report.rejected ? "error" : "ok"}>
                  {t(report.dryRun ? "import.reportDry" : "import.report", {
                    created: n(report.created),
                    updated: n(report.updated),
                    rejected: n(report.rejected),
                  })}
                </Notice>
                {report.errors.length > 0 && (
                  <div className="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t("import.line")}</th>
                          <th scope="col">{t("import.field")}</th>
                          <th scope="col">{t("import.message")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {report.errors.map((e) => (
                          <tr key={`${e.line}:${e.field}:${e.message}`}>
                            <td>{e.line}</td>
                            <td>{e.field}</td>
                            <td>{e.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            )}
          </section>
        </>
      )}
    </RequireRole>
  );
}
