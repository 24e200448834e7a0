import type { CommandContext } from "../context";
import type { RevisionCache } from "../../services/revisionCache";
import type { PublicFirm } from "../../domain/openData/publicFirms";
import type { OpenDataStatistics } from "../../domain/openData/statistics";

/** What the public data is built from once per revision: the public firms and their statistics. */
export interface OpenDataSnapshot {
  firms: PublicFirm[];
  byId: Map<string, PublicFirm>;
  statistics: OpenDataStatistics;
  /** When it was read (ISO instant), stated in the downloads. */
  readAt: string;
}

export interface OpenDataContext extends CommandContext {
  snapshots: RevisionCache<OpenDataSnapshot>;
}
