import type { DirectoryService } from "../../services/directory";
import type { MatchingContext } from "../matching/recommendations";

/** What the company commands work with: the directory and the matching engine hear of every change made here. */
export interface CompanyContext extends MatchingContext {
  directory: DirectoryService;
  publicOrigin: string;
  now: () => Date;
}
