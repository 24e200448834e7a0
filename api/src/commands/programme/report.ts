import { AppError } from "../../errors";
import { BadgeFontsMissing } from "../../services/badgePdf/fonts";
import type { ProgrammeContext } from "./context";
import { countedInVietnamese, yearProgress } from "./progress";

/**
 * The periodic report to the People's Committee as a PDF (A4, Vietnamese): the year's targets
 * against the progress across its events, charts, each event, and how the figures were counted.
 */
export async function programmeReportPdf(ctx: ProgrammeContext, year: number): Promise<{ pdf: Buffer; filename: string }> {
  const p = await yearProgress(ctx, year);
  try {
    const pdf = await ctx.reportPrinter.print({
      year,
      producedAt: ctx.now(),
      targets: p.targets,
      targetsEntered: p.entered,
      progress: p.progress,
      events: p.events,
      ...countedInVietnamese(p),
    });
    return { pdf, filename: reportFilename(year, "pdf") };
  } catch (err) {
    if (err instanceof BadgeFontsMissing) throw new AppError("service_unavailable", { fonts: "reportFontsMissing" });
    throw err;
  }
}

/** bao-cao-chuong-trinh-2026.pdf: the report's name in the language it is written in, without diacritics (safe in every mail client). */
export const reportFilename = (year: number, ext: "pdf" | "xlsx") => `bao-cao-chuong-trinh-${year}.${ext}`;
