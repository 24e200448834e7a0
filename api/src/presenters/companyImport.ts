import type { Locale } from "@ketnoi/contracts";
import { fieldMessage } from "../i18n/errorMessages";
import type { CsvRowError } from "../domain/companyCsv";

/** An import's report with each bad line's message in the reader's language (a message key is translated, zod's text kept). */
export function presentCompanyImport<R extends { errors: CsvRowError[] }>(report: R, locale: Locale): R {
  return { ...report, errors: report.errors.map((e) => ({ ...e, message: fieldMessage(e.message, locale) })) };
}
