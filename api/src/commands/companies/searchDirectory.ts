import { normalizeSearchText, type DirectoryQuery } from "@ketnoi/contracts";
import { eventFor } from "../events/eventInContext";
import { eventPolicy } from "../../policies/event";
import type { UserRecord } from "../../repositories/userRepository";
import { withDescendants } from "../../domain/taxonomyCodes";
import type { CompanyContext } from "./context";

/**
 * One page of an event's directory (the event in context, see eventFor): free text without diacritics (at most eight words), a
 * sector or process with everything below it. Organisers also see unlisted and pending firms. The
 * answer's key is the same exactly when the page is (the search and the directory's state).
 */
export async function searchDirectory(ctx: CompanyContext, viewer: UserRecord | undefined, event: string | undefined, query: DirectoryQuery) {
  const fair = await eventFor(ctx, viewer, event);
  const terms = query.sector || query.process ? await ctx.repos.taxonomy.list() : [];
  const { items, total, answerKey } = await ctx.directory.search({
    fairId: fair.id,
    words: query.q ? normalizeSearchText(query.q).split(" ").filter(Boolean).slice(0, 8) : [],
    kind: query.kind,
    sectors: query.sector ? withDescendants(query.sector, terms) : undefined,
    processes: query.process ? withDescendants(query.process, terms) : undefined,
    certifications: query.certification ? [query.certification] : undefined,
    country: query.country,
    language: query.language,
    participation: query.participation,
    status: query.status,
    publicOnly: !(viewer && eventPolicy.canOrganise(viewer, fair)),
    sort: query.sort,
    skip: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { companies: items, total, answerKey };
}
