import type { CommandContext } from "../context";
import type { ProgrammeReportPrinter } from "../../services/programmeReport/reportPdf";

/** What the programme commands work with: the repositories, the clock, and the report's PDF printer. */
export interface ProgrammeContext extends CommandContext {
  reportPrinter: ProgrammeReportPrinter;
}
