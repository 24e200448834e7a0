import { companySearchKey } from "@ketnoi/contracts";
import { DirectoryIndex, type DirectoryEntry, type DirectorySearch } from "../domain/directoryIndex";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";

// A search hands back the company itself: the route presents it (a page at a time).
const toEntry = (c: CompanyRecord): DirectoryEntry<CompanyRecord> => ({
  facets: {
    id: c.id,
    kind: c.kind,
    country: c.country,
    participation: c.participation,
    languages: c.languages,
    sectors: c.sectors,
    processes: c.processes.map((p) => p.code),
    certifications: c.certifications.map((x) => x.code),
  },
  item: c,
  fairId: c.fairId,
  status: c.status ?? "approved",
  listed: c.listed,
  // Built from the profile as it is read, not the key stored with it: a firm stored before the
  // key learnt more (the labels in all five languages) or before the taxonomy's labels changed is
  // found by them all the same, with no migration.
  searchKey: companySearchKey(c),
  sortName: c.sortName,
});

/**
 * Keeps this process's in-memory directory in step with the database. Before each search it reads
 * the "companies" revision (one query by _id); when another process has written since, it reloads in
 * the background and answers from the copy it has (stale for the reload's duration, about a second
 * per 2,500 companies on FerretDB). Writes made here are applied at once.
 */
export function createDirectoryService(repos: Repositories) {
  let index = new DirectoryIndex<CompanyRecord>();
  let loadedRevision = -1;
  let loading: Promise<void> | null = null;
  /** Companies changed here while a reload was reading: its snapshot may predate them. */
  let changedDuringLoad = new Set<string>();

  const refreshEntry = async (target: DirectoryIndex<CompanyRecord>, id: string) => {
    const company = await repos.companies.findById(id);
    if (company) target.put(toEntry(company));
    else target.remove(id);
  };

  const reload = (revision: number) =>
    (loading ??= (async () => {
      changedDuringLoad = new Set();
      const next = new DirectoryIndex((await repos.companies.listAll()).map(toEntry));
      for (const id of changedDuringLoad) await refreshEntry(next, id);
      index = next;
      loadedRevision = revision;
    })().finally(() => (loading = null)));

  return {
    async search(query: DirectorySearch) {
      const revision = await repos.revisions.get("companies");
      if (loadedRevision < 0) await reload(revision);
      else if (revision !== loadedRevision) void reload(revision).catch(() => undefined);
      return index.search(query);
    },
    /** After a bulk change made here (an import): reload now, so this process shows it at once. */
    async refresh() {
      await reload(await repos.revisions.get("companies"));
    },
    /** After this process changed a company: show the change here without waiting for a reload. */
    async companyChanged(id: string) {
      if (loading) changedDuringLoad.add(id);
      await refreshEntry(index, id);
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
